/* ecsim report, cluster charts: tasks, reservation, per-instance heatmaps, RunTask failures (see client-core.js). */

// ---- (a) tasks running and pending: cluster totals and one colour per task group ----

function drawTasksChart(el, layout) {
  const groups = Object.keys(series.byGroup);
  const colour = d3.scaleOrdinal(groups, d3.schemeTableau10);
  const lines = [
    { label: 'running (cluster)', values: series.runningTasks, colour: INK, kind: 'line', width: 2 },
    { label: 'pending (cluster)', values: series.pendingTasks, colour: INK, kind: 'dashed', width: 1.5 },
  ];
  for (const group of groups) {
    lines.push({ label: group + ' running', values: series.byGroup[group].running, colour: colour(group), kind: 'line', width: 1.5 });
    lines.push({ label: group + ' pending', values: series.byGroup[group].pending, colour: colour(group), kind: 'dashed', width: 1.2 });
  }
  const faults = markerLayout(faultMarkers(), layout);
  const extra = faults.spans.length > 0 ? [{ label: 'fault (shaded until services recovered)', colour: FAULT_COLOUR, kind: 'dashed' }] : [];
  legend(el, [lines[0], lines[1]].concat(groups.map((g) => ({ label: g, colour: colour(g), kind: 'line' })), extra));
  const innerHeight = 240;
  const y = countAxis(lines.map((l) => l.values), innerHeight);
  const lanesHeight = faults.lanes * LANE;
  const { g } = frame(el, layout, innerHeight, MARGIN.top + (lanesHeight > 0 ? lanesHeight + 4 : 0));
  drawValueAxis(g, layout, y, count, 6);
  drawTimeAxis(g, layout, innerHeight);
  drawMarkers(g, faults, -lanesHeight - 4, innerHeight, layout, 'faults');
  drawLines(g, layout, y, lines.slice().reverse());
  hover(el, g, layout, innerHeight, (i) =>
    lines.slice(0, 2 + 2 * 12).map((l) => [l.label, count(l.values[i] || 0)]),
  );
}

const FAULT_COLOUR = '#cf222e';

/** Each fault as a marker labelled with its kind, shaded until every service was back at its desired count. */
function faultMarkers() {
  return (data.faults || []).map((f) => ({
    at: f.at,
    until: f.recoveredAt === null ? durationMs : f.recoveredAt,
    label: f.kind,
    colour: FAULT_COLOUR,
    title: f.kind + ' · ' + f.target + ' at ' + formatSimTime(f.at) + '\n' + count(f.tasksStopped) + ' tasks stopped · ' +
      (f.recoveredAt === null ? 'services not recovered by the end' : 'services recovered at ' + formatSimTime(f.recoveredAt)),
  }));
}

// ---- (c) cluster CPU and memory reservation, percent ----

/** Cluster CPU and memory reservation, and utilization where the run kept metrics (dashed; gaps: no datapoint). */
function drawReservationChart(el, layout) {
  const lines = [
    { label: 'CPU reservation', values: series.cpuReservation, colour: CPU_COLOUR, kind: 'line' },
    { label: 'Memory reservation', values: series.memoryReservation, colour: MEMORY_COLOUR, kind: 'line' },
  ];
  const utilization = [
    { label: 'CPU utilization', values: series.cpuUtilization || [], colour: CPU_COLOUR, kind: 'dashed', width: 1.4 },
    { label: 'Memory utilization', values: series.memoryUtilization || [], colour: MEMORY_COLOUR, kind: 'dashed', width: 1.4 },
  ].filter((l) => l.values.some((v) => v !== null));
  legend(el, lines.concat(utilization));
  const innerHeight = 160;
  const top = d3.max(utilization.flatMap((l) => l.values), (v) => v || 0) || 0;
  const y = d3.scaleLinear().domain([0, Math.max(100, top)]).nice().range([innerHeight, 0]);
  const { g } = frame(el, layout, innerHeight, MARGIN.top);
  drawValueAxis(g, layout, y, (v) => v + '%', 4);
  drawTimeAxis(g, layout, innerHeight);
  drawLines(g, layout, y, lines);
  if (utilization.length > 0) drawGappedLines(g, layout, y, utilization);
  const pct = (v) => (v === null || v === undefined ? '—' : v + '%');
  hover(el, g, layout, innerHeight, (i) => [
    ['CPU reserved', series.cpuReservation[i] + '%'],
    ['Memory reserved', series.memoryReservation[i] + '%'],
    ...(utilization.length > 0 ? [['CPU used', pct(series.cpuUtilization[i])], ['Memory used', pct(series.memoryUtilization[i])]] : []),
    ['Container instances', count(series.instances[i])],
  ]);
}

// ---- (b) per-instance heatmaps: rows = instances, columns = samples, colour = a binned value ----

/**
 * A heatmap's colour scale: sample value v is drawn in colours[step(v)]; the legend puts each tick
 * label at `at`, measured in swatches from the left edge of the first one.
 */
function percentScale() {
  return {
    colours: d3.quantize((v) => d3.interpolateBlues(0.12 + 0.88 * v), HEAT_STEPS),
    step: (v) => Math.min(HEAT_STEPS - 1, Math.floor(v / (100 / HEAT_STEPS))),
    ticks: d3.range(0, HEAT_STEPS + 1, 2).map((i) => ({ at: i, label: (i * 100) / HEAT_STEPS + '%' })),
  };
}

/** Counts 0..max: one swatch per count while they fit in HEAT_STEPS, else equal bins of whole counts. */
function countScale(max) {
  const size = Math.max(1, Math.ceil((max + 1) / HEAT_STEPS));
  const steps = Math.ceil((max + 1) / size);
  const colours = d3.quantize((v) => d3.interpolateGreens(0.08 + 0.92 * v), Math.max(2, steps)).slice(0, steps);
  const ticks =
    size === 1
      ? d3.range(steps).map((i) => ({ at: i + 0.5, label: count(i) }))
      : d3.range(0, steps + 1, steps > 6 ? 2 : 1).map((i) => ({ at: i, label: count(i * size) }));
  return { colours, step: (v) => Math.min(steps - 1, Math.floor(v / size)), ticks };
}

/** Consecutive samples in the same colour step merge into one rect, so long runs stay light. */
function heatRuns(instance, values, step) {
  const runs = [];
  for (let i = 0; i < t.length; i++) {
    const registered = i < values.length && t[i] >= instance.registeredAt && (instance.terminatedAt === null || t[i] < instance.terminatedAt);
    const s = registered ? step(values[i]) : -1;
    const last = runs[runs.length - 1];
    if (last && last.step === s) {
      last.end = i;
      last.min = Math.min(last.min, values[i]);
      last.max = Math.max(last.max, values[i]);
    } else {
      runs.push({ step: s, start: i, end: i, min: values[i], max: values[i] });
    }
  }
  return runs.filter((r) => r.step >= 0);
}

/**
 * One row per instance, one column per sample. spec: { key (unique per chart), values(instance) ->
 * number per sample, scale (percentScale / countScale), describe(min, max) -> tooltip text }.
 */
function drawHeatmap(el, layout, spec) {
  const instances = data.instances.filter((i) => series.byInstance[i.id]);
  const rowHeight = instances.length <= 30 ? 18 : Math.max(2, Math.floor(600 / instances.length));
  const cellHeight = rowHeight - (rowHeight > 4 ? 1 : 0);
  const labelEvery = Math.ceil(11 / rowHeight);
  const top = 40;
  const innerHeight = Math.max(rowHeight, instances.length * rowHeight);
  const { svg, g } = frame(el, layout, innerHeight, top);
  const unregistered = hatch(svg, 'unregistered-' + spec.key);
  heatLegend(g.append('g').attr('class', 'heat-legend').attr('transform', 'translate(0,-34)'), spec.scale, unregistered);
  const x = layout.x;
  const colEnd = (i) => Math.min(layout.innerWidth, x(t[i] + periodMs));
  const row = g.selectAll('g.heatmap-row').data(instances).join('g')
    .attr('class', 'heatmap-row')
    .attr('data-instance', (d) => d.id)
    .attr('transform', (_, r) => 'translate(0,' + r * rowHeight + ')');
  row.append('rect').attr('width', layout.innerWidth).attr('height', cellHeight).attr('fill', unregistered);
  row.each(function (instance) {
    d3.select(this).selectAll('rect.cell').data(heatRuns(instance, spec.values(instance), spec.scale.step)).join('rect')
      .attr('class', 'cell')
      .attr('x', (r) => x(t[r.start]))
      .attr('width', (r) => Math.max(0, colEnd(r.end) - x(t[r.start])))
      .attr('height', cellHeight)
      .attr('fill', (r) => spec.scale.colours[r.step])
      .append('title')
      .text((r) => instance.id + ' · ' + formatSimTime(t[r.start]) + '–' + formatSimTime(t[r.end] + periodMs) + ' · ' + spec.describe(r.min, r.max));
  });
  const label = row.filter((_, r) => r % labelEvery === 0).append('text')
    .attr('x', -8)
    .attr('y', rowHeight / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end');
  label.append('tspan').attr('fill', INK).text((d) => instanceLabel(d)[0]);
  label.append('tspan').attr('fill', '#59636e').text((d) => '  ' + instanceLabel(d)[1]);
  drawTimeAxis(g, layout, innerHeight);
  const dropped = instances.length === 0 && data.instances.length > 0;
  if (instances.length === 0) g.append('text').attr('class', 'empty-note').attr('y', 12).text(dropped ? 'Per-instance series were left out: the run registered more container instances than simulation.results.instanceSeriesLimit.' : 'No container instances.');
}

/** A diagonal hatch for "not registered", so it never reads as a low value. */
function hatch(svg, id) {
  const pattern = svg.append('defs').append('pattern').attr('id', id).attr('patternUnits', 'userSpaceOnUse').attr('width', 6).attr('height', 6);
  pattern.append('rect').attr('width', 6).attr('height', 6).attr('fill', UNREGISTERED);
  pattern.append('path').attr('d', 'M0,6L6,0').attr('stroke', '#c4cbd3').attr('stroke-width', 1);
  return 'url(#' + id + ')';
}

function heatLegend(g, scale, unregistered) {
  const width = 26;
  g.selectAll('rect').data(scale.colours).join('rect')
    .attr('x', (_, i) => i * width).attr('width', width).attr('height', 10).attr('fill', (c) => c);
  g.selectAll('text.tick').data(scale.ticks).join('text')
    .attr('class', 'tick').attr('x', (d) => d.at * width).attr('y', 22).attr('text-anchor', 'middle').attr('fill', '#59636e')
    .text((d) => d.label);
  const none = g.append('g').attr('transform', 'translate(' + (scale.colours.length * width + 24) + ',0)');
  none.append('rect').attr('width', width).attr('height', 10).attr('fill', unregistered).attr('stroke', '#d0d7de');
  none.append('text').attr('x', width + 6).attr('y', 9).attr('fill', '#59636e').text('not registered');
}

const range = (min, max) => (min === max ? String(min) : min + '–' + max);

const HEATMAPS = {
  cpu: { key: 'cpu', values: (i) => series.byInstance[i.id].cpuReservation, scale: percentScale(), describe: (min, max) => 'CPU reserved ' + range(min, max) + '%' },
  memory: { key: 'memory', values: (i) => series.byInstance[i.id].memoryReservation, scale: percentScale(), describe: (min, max) => 'memory reserved ' + range(min, max) + '%' },
  tasks: {
    key: 'tasks',
    values: (i) => series.byInstance[i.id].tasks,
    scale: countScale(d3.max(Object.values(series.byInstance), (s) => d3.max(s.tasks)) || 0),
    describe: (min, max) => range(min, max) + (max === 1 ? ' task' : ' tasks'),
  },
};

// ---- (d) RunTask failures per sample period, stacked by reason ----

function drawFailuresChart(el, layout) {
  const failures = data.runTaskFailures;
  const totals = d3.rollup(failures, (v) => v.length, (f) => f.reason);
  const reasons = Array.from(totals.keys()).sort((a, b) => totals.get(b) - totals.get(a) || (a < b ? -1 : 1));
  const colour = d3.scaleOrdinal(reasons, ['#cf222e', '#bc4c00', '#8250df', '#9a6700', '#1b7c83'].concat(d3.schemeTableau10));
  const bins = d3.rollup(failures, (v) => v.length, (f) => Math.floor(f.at / periodMs), (f) => f.reason);
  const bars = [];
  for (const [bin, byReason] of bins) {
    let y0 = 0;
    for (const reason of reasons) {
      const n = byReason.get(reason) || 0;
      if (n > 0) bars.push({ bin, reason, n, y0, y1: (y0 += n) });
    }
  }
  if (reasons.length > 0) legend(el, reasons.map((r) => ({ label: r + ' (' + count(totals.get(r)) + ')', colour: colour(r), kind: 'block' })));
  const innerHeight = reasons.length > 0 ? 130 : 30;
  const { g } = frame(el, layout, innerHeight, MARGIN.top);
  drawTimeAxis(g, layout, innerHeight);
  if (reasons.length === 0) {
    g.append('text').attr('class', 'empty-note').attr('x', 4).attr('y', innerHeight / 2).text('No RunTask failures.');
    return;
  }
  const y = d3.scaleLinear().domain([0, d3.max(bars, (b) => b.y1)]).nice().range([innerHeight, 0]);
  drawValueAxis(g, layout, y, count, 4);
  const x = layout.x;
  const barWidth = Math.max(1.5, x(periodMs) - x(0) - 1);
  g.append('g').attr('class', 'bars').selectAll('rect').data(bars).join('rect')
    .attr('x', (b) => Math.min(layout.innerWidth - barWidth, x(b.bin * periodMs)))
    .attr('width', barWidth)
    .attr('y', (b) => y(b.y1))
    .attr('height', (b) => y(b.y0) - y(b.y1))
    .attr('fill', (b) => colour(b.reason))
    .append('title')
    .text((b) => formatSimTime(b.bin * periodMs) + ': ' + b.n + ' × ' + b.reason);
}
