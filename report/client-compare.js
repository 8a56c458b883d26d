/*
 * ecsim comparison page: each chart draws one line per run on shared axes (the same time axis and the
 * same value scale for every run), with a tooltip listing every run's value at the pointer. Reads the
 * data embedded in #ecsim-compare; strings reach the page only through d3's .text().
 */
const data = JSON.parse(document.getElementById('ecsim-compare').textContent);
const COLOURS = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'];
const colour = (i) => COLOURS[i % COLOURS.length];
const DASHES = [null, '7,4', '2,3', '10,3,2,3'];
const MARGIN = { top: 10, right: 18, bottom: 26, left: 64 };
const HEIGHT = 170;

function draw(el, width) {
  const key = el.getAttribute('data-series');
  const runs = data.runs.map((run, i) => ({ run, i, values: run[key] })).filter((r) => r.values !== null);
  d3.select(el).selectAll('*').remove();
  const legend = d3.select(el).append('div').attr('class', 'legend').selectAll('span').data(runs).join('span').attr('class', 'legend-item');
  legend.append('span').attr('class', (r) => 'legend-swatch ' + (r.i % DASHES.length === 0 ? 'line' : 'dashed')).style('border-color', (r) => colour(r.i));
  legend.append('span').text((r) => r.run.label);
  const innerWidth = Math.max(100, width - MARGIN.left - MARGIN.right);
  const x = d3.scaleLinear().domain([0, data.durationMs]).range([0, innerWidth]);
  const top = d3.max(runs, (r) => d3.max(r.values, (v) => v || 0)) || 1;
  const y = d3.scaleLinear().domain([0, top]).nice().range([HEIGHT, 0]);
  const svg = d3.select(el).append('svg').attr('viewBox', [0, 0, width, HEIGHT + MARGIN.top + MARGIN.bottom].join(' ')).attr('role', 'img');
  const g = svg.append('g').attr('transform', 'translate(' + MARGIN.left + ',' + MARGIN.top + ')');
  g.append('g').attr('class', 'grid').call(d3.axisLeft(y).ticks(4).tickSize(-innerWidth).tickFormat(''));
  g.append('g').attr('class', 'axis axis-value').call(d3.axisLeft(y).ticks(4).tickSizeOuter(0));
  g.append('g').attr('class', 'axis axis-time').attr('transform', 'translate(0,' + HEIGHT + ')')
    .call(d3.axisBottom(x).tickValues(roundTimeTicks(0, data.durationMs, innerWidth)).tickFormat(formatSimTime).tickSizeOuter(0));
  const line = (t) => d3.line().defined((v) => v !== null && v !== undefined).x((_, k) => x(t[k])).y((v) => y(v)).curve(d3.curveStepAfter);
  g.append('g').attr('class', 'lines').selectAll('path').data(runs).join('path')
    .attr('class', (r) => 'run-line run-line-' + r.i)
    .attr('fill', 'none').attr('stroke', (r) => colour(r.i)).attr('stroke-width', 1.8)
    // Later runs dashed, so a run hidden under another (the same values) still shows.
    .attr('stroke-dasharray', (r) => DASHES[r.i % DASHES.length])
    .attr('d', (r) => line(r.run.t)(r.values))
    .append('title').text((r) => r.run.label);
  const tip = d3.select(el).append('div').attr('class', 'tooltip').style('display', 'none');
  const rule = g.append('line').attr('y1', 0).attr('y2', HEIGHT).attr('stroke', '#8c959f').attr('stroke-dasharray', '2,2').style('display', 'none');
  g.append('rect').attr('width', innerWidth).attr('height', HEIGHT).attr('fill', 'transparent')
    .on('pointermove', (event) => {
      const at = x.invert(d3.pointer(event, g.node())[0]);
      rule.style('display', null).attr('x1', x(at)).attr('x2', x(at));
      const rows = runs.map((r) => {
        const k = Math.max(0, d3.bisectRight(r.run.t, at) - 1);
        const v = r.values[k];
        return [r.run.label, v === null || v === undefined ? '—' : d3.format(',.2~f')(v)];
      });
      showTooltip(tip, el, event, formatSimTime(at), rows);
    })
    .on('pointerleave', () => {
      rule.style('display', 'none');
      tip.style('display', 'none');
    });
}

let drawnWidth = 0;
function drawAll() {
  const charts = document.querySelectorAll('[data-series]');
  if (charts.length === 0) return;
  const width = Math.round(charts[0].clientWidth) || 960;
  if (width === drawnWidth) return;
  drawnWidth = width;
  for (const el of charts) draw(el, width);
}
drawAll();
let timer = 0;
window.addEventListener('resize', () => {
  clearTimeout(timer);
  timer = setTimeout(drawAll, 150);
});
