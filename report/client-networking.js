/* ecsim report, networking: targets by health state per target group, and Cloud Map registrations (see client-core.js). */

// ---- (f) one small chart per target group: its targets by health state, stacked ----

/** Bottom to top; the keys are the fields of series.byTargetGroup[name]. */
const TARGET_STATES = [
  { key: 'healthy', label: 'healthy', colour: '#2da44e' },
  { key: 'initial', label: 'initial', colour: '#d4a72c' },
  { key: 'unhealthy', label: 'unhealthy', colour: '#cf222e' },
  { key: 'draining', label: 'draining', colour: '#8c959f' },
];

function drawTargetGroupChart(el, layout, group) {
  const s = (series.byTargetGroup || {})[group.name];
  legend(el, TARGET_STATES.map((state) => ({ label: state.label, colour: state.colour, kind: 'block' })));
  const innerHeight = 90;
  const { g } = frame(el, layout, innerHeight, MARGIN.top);
  if (!s) {
    drawTimeAxis(g, layout, innerHeight);
    g.append('text').attr('class', 'empty-note').attr('x', 4).attr('y', innerHeight / 2).text('No samples for this target group.');
    return;
  }
  const rows = t.map((_, i) => Object.fromEntries(TARGET_STATES.map((state) => [state.key, s[state.key][i] || 0])));
  const stacked = d3.stack().keys(TARGET_STATES.map((state) => state.key))(rows);
  const y = countAxis([stacked[stacked.length - 1].map((d) => d[1])], innerHeight);
  drawValueAxis(g, layout, y, count, 3);
  const area = d3.area().x((_, i) => layout.x(t[i])).y0((d) => y(d[0])).y1((d) => y(d[1])).curve(d3.curveStepAfter);
  g.append('g').attr('class', 'areas').selectAll('path').data(stacked).join('path')
    .attr('data-state', (layer) => layer.key)
    .attr('fill', (layer) => TARGET_STATES[layer.index].colour)
    .attr('fill-opacity', 0.85)
    .attr('d', area)
    .append('title')
    .text((layer) => group.name + ' · ' + TARGET_STATES[layer.index].label);
  drawTimeAxis(g, layout, innerHeight);
  hover(el, g, layout, innerHeight, (i) =>
    TARGET_STATES.map((state) => [state.label, count(rows[i][state.key])]).concat([['registered', count(d3.sum(TARGET_STATES, (state) => rows[i][state.key]))]]),
  );
}

// ---- (g) service discovery: a line per Cloud Map service of the instances registered ----

function drawDiscoveryChart(el, layout) {
  const byService = series.byDiscoveryService || {};
  const names = Object.keys(byService);
  const colour = d3.scaleOrdinal(names, d3.schemeTableau10);
  const lines = names.map((name) => ({ label: name, values: byService[name].instances, colour: colour(name), kind: 'line', width: 1.8 }));
  legend(el, lines);
  const innerHeight = 140;
  const y = countAxis(lines.map((l) => l.values), innerHeight);
  const { g } = frame(el, layout, innerHeight, MARGIN.top);
  drawValueAxis(g, layout, y, count, 4);
  drawTimeAxis(g, layout, innerHeight);
  drawLines(g, layout, y, lines);
  hover(el, g, layout, innerHeight, (i) => lines.map((l) => [l.label, count(l.values[i] || 0)]));
}
