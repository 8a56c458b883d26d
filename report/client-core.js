/*
 * ecsim report charts. Plain browser script (no modules, no imports), in several files that assets.ts
 * concatenates in a fixed order inside one function scope: client-core.js (this: data, time axis,
 * layout and the helpers every chart shares), client-cluster.js, client-capacity.js,
 * client-services.js, client-networking.js, then client-main.js, which draws them all. It reads the Results embedded in
 * #ecsim-results and draws every chart with the global `d3`, all on one shared time axis.
 * Data strings reach the page only through d3's .text() / .attr(), never as HTML.
 */

const data = JSON.parse(document.getElementById('ecsim-results').textContent);
const series = data.series;
const t = series.t;
const periodMs = series.periodMs;
const durationMs = data.scenario.durationMs;

const INK = '#1f2328';
const CPU_COLOUR = '#0969da';
const MEMORY_COLOUR = '#bf3989';
const UNREGISTERED = '#f6f8fa';
const MARGIN = { top: 10, right: 18, bottom: 26 };
const HEAT_STEPS = 10;
/** Height of one lane of labelled spans (deployment bands, pipeline runs) above a chart. */
const LANE = 17;
const count = d3.format(',');

// ---- the shared view: every chart shows simulated time view.from..view.to (zoomed by the navigator) ----

const MIN_VIEW_MS = Math.min(durationMs, 5 * 60000);
const view = { from: 0, to: durationMs };

/** Sets the shared view to [from, to], kept inside the run and at least MIN_VIEW_MS wide; false if nothing changed. */
function setView(from, to) {
  const span = Math.min(durationMs, Math.max(MIN_VIEW_MS, to - from));
  const start = Math.max(0, Math.min(durationMs - span, from));
  const next = { from: Math.round(start), to: Math.round(start + span) };
  if (next.from === view.from && next.to === view.to) return false;
  view.from = next.from;
  view.to = next.to;
  return true;
}

const isZoomed = () => view.from > 0 || view.to < durationMs;

/** The charts' time ticks: round steps inside the view. */
const timeTicks = (innerWidth) => roundTimeTicks(view.from, view.to, innerWidth);

// ---- layout shared by every chart, so their time axes line up ----

function instanceLabel(instance) {
  return [instance.id, instance.instanceType + ' · ' + instance.availabilityZone];
}

/** The rendered widths of labels in the charts' 11px font (measured, not guessed). */
function textWidths(labels) {
  const probe = d3.select(document.body).append('svg').attr('class', 'probe').style('position', 'absolute').style('visibility', 'hidden');
  probe.style('font', '11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif');
  const widths = labels.map((label) => probe.append('text').text(label).node().getComputedTextLength());
  probe.remove();
  return widths;
}

/** Left margin wide enough for the longest heatmap row label. */
function measureLeftMargin() {
  const widest = d3.max(textWidths(data.instances.map((instance) => instanceLabel(instance).join('  ')))) || 0;
  return Math.min(300, Math.max(48, Math.ceil(widest) + 14));
}

function makeLayout(width, left) {
  const innerWidth = Math.max(100, width - left - MARGIN.right);
  return { width, left, innerWidth, x: d3.scaleLinear().domain([view.from, view.to]).range([0, innerWidth]) };
}

/** An svg of the page width whose viewBox scales it for print; returns the translated plot group. */
function frame(el, layout, innerHeight, top) {
  const height = top + innerHeight + MARGIN.bottom;
  const svg = d3.select(el).append('svg').attr('viewBox', [0, 0, layout.width, height].join(' ')).attr('role', 'img');
  const g = svg.append('g').attr('transform', 'translate(' + layout.left + ',' + top + ')');
  return { svg, g };
}

function drawTimeAxis(g, layout, innerHeight) {
  const ticks = timeTicks(layout.innerWidth);
  g.append('g')
    .attr('class', 'axis axis-time')
    .attr('transform', 'translate(0,' + innerHeight + ')')
    .call(d3.axisBottom(layout.x).tickValues(ticks).tickFormat(formatSimTime).tickSizeOuter(0));
}

function drawValueAxis(g, layout, y, format, tickCount) {
  const ticks = y.ticks(tickCount).filter((v) => format !== count || Number.isInteger(v));
  g.append('g').attr('class', 'grid').call(d3.axisLeft(y).tickValues(ticks).tickSize(-layout.innerWidth).tickFormat(''));
  g.append('g').attr('class', 'axis axis-value').call(d3.axisLeft(y).tickValues(ticks).tickFormat(format).tickSizeOuter(0));
}

/** A count axis from 0 to the largest value in `arrays` (at least 1), rounded up. */
function countAxis(arrays, innerHeight) {
  const max = d3.max(arrays, (values) => d3.max(values)) || 1;
  return d3.scaleLinear().domain([0, max]).nice().range([innerHeight, 0]);
}

/** An HTML legend above the svg; items are { label, colour, kind: 'line' | 'dashed' | 'block' }. */
function legend(el, items) {
  const item = d3.select(el).append('div').attr('class', 'legend').selectAll('span.legend-item').data(items).join('span').attr('class', 'legend-item');
  item.append('span')
    .attr('class', (d) => 'legend-swatch ' + (d.kind || 'line'))
    .style('border-color', (d) => d.colour)
    .style('background', (d) => (d.kind === 'block' ? d.colour : null));
  item.append('span').text((d) => d.label);
}

/** A vertical rule and a tooltip that follow the pointer; rowsAt(i) gives [label, value] pairs. */
function hover(el, g, layout, innerHeight, rowsAt) {
  const tip = d3.select(el).append('div').attr('class', 'tooltip').style('display', 'none');
  const rule = g.append('line').attr('y1', 0).attr('y2', innerHeight).attr('stroke', '#8c959f').attr('stroke-dasharray', '2,2').style('display', 'none');
  g.append('rect')
    .attr('width', layout.innerWidth)
    .attr('height', innerHeight)
    .attr('fill', 'transparent')
    .on('pointermove', (event) => {
      const i = d3.bisectCenter(t, layout.x.invert(d3.pointer(event, g.node())[0]));
      rule.style('display', null).attr('x1', layout.x(t[i])).attr('x2', layout.x(t[i]));
      showTooltip(tip, el, event, formatSimTime(t[i]), rowsAt(i));
    })
    .on('pointerleave', () => {
      rule.style('display', 'none');
      tip.style('display', 'none');
    });
}

function stepLine(layout, y) {
  return d3.line().x((_, i) => layout.x(t[i])).y((v) => y(v)).curve(d3.curveStepAfter);
}

/**
 * One step path per sample series, in the order given (later ones on top), each titled with its
 * label. lines: { label, values, colour, kind: 'line' | 'dashed', width }.
 */
function drawLines(g, layout, y, lines) {
  const line = stepLine(layout, y);
  g.append('g')
    .attr('class', 'lines')
    .selectAll('path')
    .data(lines)
    .join('path')
    .attr('fill', 'none')
    .attr('stroke', (d) => d.colour)
    .attr('stroke-width', (d) => d.width || 1.8)
    .attr('stroke-dasharray', (d) => (d.kind === 'dashed' ? '4,3' : null))
    .attr('d', (d) => line(d.values))
    .append('title')
    .text((d) => d.label);
}

/**
 * Labelled spans packed into lanes above a chart so no two spans or labels overlap. spans: { x0, x1,
 * label } in pixels; a label goes inside its span when `inside` and it fits, else `gap` px after
 * it (before it near the right edge). Returns the spans with labelX and lane, and the lane count.
 */
function packLanes(spans, layout, inside, gap) {
  const widths = textWidths(spans.map((s) => s.label));
  const lanes = [];
  const packed = spans.map((s, i) => {
    const w = widths[i];
    const labelX = inside && s.x1 - s.x0 >= w + 8 ? s.x0 + 4 : s.x1 + gap + w <= layout.innerWidth ? s.x1 + gap : Math.max(0, s.x0 - gap - w);
    const span = [Math.min(s.x0, labelX - 4), Math.max(s.x1, labelX + w + 4) + 6];
    let lane = lanes.findIndex((taken) => taken.every(([a, b]) => span[1] <= a || span[0] >= b));
    if (lane < 0) lane = lanes.push([]) - 1;
    lanes[lane].push(span);
    return Object.assign({}, s, { labelX, lane });
  });
  return { spans: packed, lanes: lanes.length };
}

// ---- labelled moments (faults, scaling activities): a vertical rule each, labels in lanes above the plot ----

/** At most this many lanes of marker labels; markers beyond keep their rule and title, not their label. */
const MARKER_LANES = 4;

/**
 * markers: { at (ms), label, title, colour, until (optional ms: shaded from `at` to there), rules
 * (optional ms: more rules under the same label) }, in time order. Returns them packed into lanes
 * (see packLanes) and the lane count, at most MARKER_LANES.
 */
function markerLayout(markers, layout) {
  const x = layout.x;
  const packed = packLanes(markers.map((m) => ({ m, x0: x(m.at), x1: x(m.at), label: m.label })), layout, false, 3);
  const lanes = Math.min(packed.lanes, MARKER_LANES);
  return { spans: packed.spans.map((s) => Object.assign(s, { labelled: s.lane < lanes })), lanes };
}

/** Draws markerLayout's markers: shading, a dashed rule from the label's lane to the axis (any further ones from the plot's top), the label. */
function drawMarkers(g, packed, lanesTop, innerHeight, layout, className) {
  const mid = (LANE - 3) / 2;
  const laneY = (s) => (s.labelled ? lanesTop + s.lane * LANE + mid : 0);
  const marker = g.append('g').attr('class', className).selectAll('g').data(packed.spans).join('g').attr('class', 'marker');
  marker.filter((s) => s.m.until != null).append('rect').attr('class', 'marker-shade')
    .attr('x', (s) => s.x0).attr('width', (s) => Math.max(1, layout.x(Math.min(durationMs, s.m.until)) - s.x0)).attr('height', innerHeight)
    .attr('fill', (s) => s.m.colour).attr('fill-opacity', 0.08);
  marker.selectAll('line').data((s) => (s.m.rules || [s.m.at]).map((at, k) => ({ x: layout.x(at), y1: k === 0 ? laneY(s) : 0, colour: s.m.colour }))).join('line')
    .attr('class', 'marker-rule')
    .attr('x1', (r) => r.x).attr('x2', (r) => r.x).attr('y1', (r) => r.y1).attr('y2', innerHeight)
    .attr('stroke', (r) => r.colour).attr('stroke-width', 1.2).attr('stroke-dasharray', '3,2');
  marker.filter((s) => s.labelled).append('text').attr('class', 'marker-label')
    .attr('x', (s) => s.labelX).attr('y', laneY).attr('dy', '0.35em').attr('fill', (s) => s.m.colour)
    .text((s) => s.label);
  marker.append('title').text((s) => s.m.title);
}

// ---- clipping: what lies outside the view stays out of the plot (axes and row labels are left alone) ----

let clipCount = 0;
const UNCLIPPED = ':not(.axis):not(.grid):not(.alarm-labels):not(.heat-legend):not(.heatmap-row)';

/** Clips each chart svg in `el` to its plot's width, so a zoomed view draws nothing over the margins. */
function clipToPlot(el, layout) {
  d3.select(el).selectAll('svg').each(function () {
    const svg = d3.select(this);
    const g = svg.select(':scope > g');
    if (g.empty()) return;
    const id = 'plot-clip-' + ++clipCount;
    svg.append('defs').append('clipPath').attr('id', id)
      .append('rect').attr('x', 0).attr('y', -10000).attr('width', layout.innerWidth).attr('height', 20000);
    g.selectAll(':scope > *' + UNCLIPPED).attr('clip-path', 'url(#' + id + ')');
    g.selectAll(':scope > .heatmap-row > rect').attr('clip-path', 'url(#' + id + ')');
  });
}
