/* ecsim report, the time navigator: zoom buttons and an overview of the whole run with a brush; every chart follows (see client-core.js). */

const OVERVIEW_HEIGHT = 34;

/** The overview strip: running tasks over the whole run, and a brush showing (and setting) the shared view. */
function drawNavigator(layout) {
  const el = document.getElementById('time-overview');
  if (!el) return;
  d3.select(el).selectAll('*').remove();
  const x = d3.scaleLinear().domain([0, durationMs]).range([0, layout.innerWidth]);
  const y = d3.scaleLinear().domain([0, d3.max(series.runningTasks) || 1]).range([OVERVIEW_HEIGHT, 2]);
  const svg = d3.select(el).append('svg').attr('viewBox', [0, 0, layout.width, OVERVIEW_HEIGHT + 16].join(' ')).attr('role', 'img').attr('aria-label', 'Overview of the run: drag to zoom');
  const g = svg.append('g').attr('transform', 'translate(' + layout.left + ',0)');
  g.append('path').attr('class', 'overview-area').attr('fill', '#d0d7de')
    .attr('d', d3.area().x((_, i) => x(t[i])).y0(OVERVIEW_HEIGHT).y1((v) => y(v)).curve(d3.curveStepAfter)(series.runningTasks));
  g.append('g').attr('class', 'axis axis-time').attr('transform', 'translate(0,' + OVERVIEW_HEIGHT + ')')
    .call(d3.axisBottom(x).tickValues(roundTimeTicks(0, durationMs, layout.innerWidth)).tickFormat(formatSimTime).tickSizeOuter(0));
  const brush = d3.brushX().extent([[0, 0], [layout.innerWidth, OVERVIEW_HEIGHT]]).on('end', (event) => {
    if (!event.sourceEvent) return;
    if (!event.selection) return zoomTo(0, durationMs);
    const [a, b] = event.selection.map((px) => x.invert(px));
    zoomTo(a, b);
  });
  const brushed = g.append('g').attr('class', 'overview-brush').call(brush);
  if (isZoomed()) brush.move(brushed, [x(view.from), x(view.to)]);
  const range = document.getElementById('view-range');
  if (range) range.textContent = isZoomed() ? formatSimTime(view.from) + ' – ' + formatSimTime(view.to) : 'the whole run (' + formatSimTime(durationMs) + ')';
}

function setupNavigatorButtons() {
  const nav = document.getElementById('time-navigator');
  if (!nav) return;
  nav.hidden = false;
  const centre = () => (view.from + view.to) / 2;
  const span = () => view.to - view.from;
  document.getElementById('zoom-in').addEventListener('click', () => zoomTo(centre() - span() / 4, centre() + span() / 4));
  document.getElementById('zoom-out').addEventListener('click', () => zoomTo(centre() - span(), centre() + span()));
  document.getElementById('zoom-reset').addEventListener('click', () => zoomTo(0, durationMs));
}

/** Links to a moment (`a.moment[data-at]`): zoom around it, then the browser follows the link to its chart. */
function setupMomentLinks() {
  for (const link of document.querySelectorAll('a.moment[data-at]')) {
    link.addEventListener('click', () => {
      const at = Number(link.getAttribute('data-at'));
      const half = Math.max(MIN_VIEW_MS, durationMs / 12) / 2;
      zoomTo(at - half, at + half);
    });
  }
}
