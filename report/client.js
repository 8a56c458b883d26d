/*
 * ecsim report charts. A plain browser script (no modules, no imports): it reads the Results embedded
 * in #ecsim-results and draws every chart with the global `d3`, all on one shared time axis.
 * Data strings reach the page only through d3's .text() / .attr(), never as HTML.
 */
(function () {
  'use strict';

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
  const count = d3.format(',');

  // ---- time: x is simulated time in ms, labelled 0h, 30m, 1h30m, 1d2h ----

  function formatSimTime(ms) {
    if (ms === 0) return '0h';
    const units = [['d', 86400000], ['h', 3600000], ['m', 60000], ['s', 1000]];
    let rest = Math.round(ms);
    let text = '';
    for (const [unit, size] of units) {
      if (rest >= size) {
        text += Math.floor(rest / size) + unit;
        rest %= size;
      }
    }
    return text || rest + 'ms';
  }

  /** Ticks on round steps (1m ... 7d), at most one per ~80px. */
  function timeTicks(innerWidth) {
    const stepsMinutes = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080];
    const most = Math.max(2, Math.floor(innerWidth / 80));
    const minutes = stepsMinutes.find((m) => durationMs / (m * 60000) <= most) || 10080;
    return d3.range(0, durationMs + 1, minutes * 60000);
  }

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
    return { width, left, innerWidth, x: d3.scaleLinear().domain([0, durationMs]).range([0, innerWidth]) };
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
        tip.style('display', null).selectAll('*').remove();
        tip.append('div').attr('class', 'tip-time').text(formatSimTime(t[i]));
        const row = tip.selectAll('div.tip-row').data(rowsAt(i)).join('div').attr('class', 'tip-row');
        row.append('span').text((d) => d[0]);
        row.append('b').text((d) => d[1]);
        const box = el.getBoundingClientRect();
        const left = event.clientX - box.left;
        const tipWidth = tip.node().offsetWidth;
        tip.style('left', (left + 14 + tipWidth > box.width ? left - 14 - tipWidth : left + 14) + 'px').style('top', event.clientY - box.top + 12 + 'px');
      })
      .on('pointerleave', () => {
        rule.style('display', 'none');
        tip.style('display', 'none');
      });
  }

  function stepLine(layout, y) {
    return d3.line().x((_, i) => layout.x(t[i])).y((v) => y(v)).curve(d3.curveStepAfter);
  }

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
    legend(el, [lines[0], lines[1]].concat(groups.map((g) => ({ label: g, colour: colour(g), kind: 'line' }))));
    const innerHeight = 240;
    const yMax = d3.max(lines, (l) => d3.max(l.values)) || 1;
    const y = d3.scaleLinear().domain([0, yMax]).nice().range([innerHeight, 0]);
    const { g } = frame(el, layout, innerHeight, MARGIN.top);
    drawValueAxis(g, layout, y, count, 6);
    drawTimeAxis(g, layout, innerHeight);
    const line = stepLine(layout, y);
    g.append('g')
      .attr('class', 'lines')
      .selectAll('path')
      .data(lines.slice().reverse())
      .join('path')
      .attr('fill', 'none')
      .attr('stroke', (d) => d.colour)
      .attr('stroke-width', (d) => d.width)
      .attr('stroke-dasharray', (d) => (d.kind === 'dashed' ? '4,3' : null))
      .attr('d', (d) => line(d.values))
      .append('title')
      .text((d) => d.label);
    hover(el, g, layout, innerHeight, (i) =>
      lines.slice(0, 2 + 2 * 12).map((l) => [l.label, count(l.values[i] || 0)]),
    );
  }

  // ---- (c) cluster CPU and memory reservation, percent ----

  function drawReservationChart(el, layout) {
    const lines = [
      { label: 'CPU reservation', values: series.cpuReservation, colour: CPU_COLOUR, kind: 'line' },
      { label: 'Memory reservation', values: series.memoryReservation, colour: MEMORY_COLOUR, kind: 'line' },
    ];
    legend(el, lines);
    const innerHeight = 160;
    const y = d3.scaleLinear().domain([0, 100]).range([innerHeight, 0]);
    const { g } = frame(el, layout, innerHeight, MARGIN.top);
    drawValueAxis(g, layout, y, (v) => v + '%', 4);
    drawTimeAxis(g, layout, innerHeight);
    const line = stepLine(layout, y);
    g.append('g')
      .attr('class', 'lines')
      .selectAll('path')
      .data(lines)
      .join('path')
      .attr('fill', 'none')
      .attr('stroke', (d) => d.colour)
      .attr('stroke-width', 1.8)
      .attr('d', (d) => line(d.values));
    hover(el, g, layout, innerHeight, (i) => [
      ['CPU reserved', series.cpuReservation[i] + '%'],
      ['Memory reserved', series.memoryReservation[i] + '%'],
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
    if (instances.length === 0) g.append('text').attr('class', 'empty-note').attr('y', 12).text('No container instances.');
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

  // ---- (e) one chart per service: desired, running, healthy, pending; deployments as bands ----

  const ROLLOUT = {
    COMPLETED: { colour: '#2da44e', label: 'deployment completed' },
    FAILED: { colour: '#cf222e', label: 'deployment failed' },
    IN_PROGRESS: { colour: '#d4a72c', label: 'deployment in progress' },
  };
  const LANE = 17;

  /**
   * Deployments as bands: x0..x1 from createdAt to updatedAt (to the end of the run while in
   * progress), each label inside its band when it fits, else beside it, and lanes so no two bands or
   * labels overlap.
   */
  function deploymentBandLayout(deployments, layout) {
    const x = layout.x;
    const labels = deployments.map((d) => d.id + ' · ' + d.taskDefinition);
    const widths = textWidths(labels);
    const lanes = [];
    const bands = deployments.map((d, i) => {
      const x0 = x(d.createdAt);
      const x1 = Math.max(x0 + 2, x(d.rolloutState === 'IN_PROGRESS' ? durationMs : d.updatedAt));
      const w = widths[i];
      const labelX = x1 - x0 >= w + 8 ? x0 + 4 : x1 + 4 + w <= layout.innerWidth ? x1 + 4 : Math.max(0, x0 - 4 - w);
      const span = [Math.min(x0, labelX - 4), Math.max(x1, labelX + w + 4) + 6];
      let lane = lanes.findIndex((taken) => taken.every(([a, b]) => span[1] <= a || span[0] >= b));
      if (lane < 0) lane = lanes.push([]) - 1;
      lanes[lane].push(span);
      return { d, x0, x1, labelX, label: labels[i], lane, state: ROLLOUT[d.rolloutState] || ROLLOUT.IN_PROGRESS };
    });
    return { bands, lanes: lanes.length };
  }

  function deploymentTitle(d) {
    const lines = [d.id + ' · ' + d.taskDefinition, d.rolloutState + (d.rolloutStateReason ? ': ' + d.rolloutStateReason : '')];
    lines.push('created ' + formatSimTime(d.createdAt) + ', updated ' + formatSimTime(d.updatedAt));
    if (d.rollbackOf) lines.push('rollback of ' + d.rollbackOf);
    return lines.join('\n');
  }

  function drawServiceChart(el, layout, service) {
    const s = series.byService[service.serviceName] || { desired: [], running: [], pending: [], healthy: [] };
    const lines = [
      { label: 'desired', values: s.desired, colour: INK, kind: 'dashed', width: 1.5 },
      { label: 'running', values: s.running, colour: CPU_COLOUR, kind: 'line', width: 3 },
      { label: 'running and healthy', values: s.healthy, colour: '#1a7f37', kind: 'line', width: 1.2 },
      { label: 'pending', values: s.pending, colour: '#8250df', kind: 'dashed', width: 1.2 },
    ];
    const drawOrder = [lines[1], lines[2], lines[3], lines[0]];
    const { bands, lanes } = deploymentBandLayout(data.deployments.filter((d) => d.serviceName === service.serviceName), layout);
    const states = Object.keys(ROLLOUT).filter((k) => bands.some((b) => b.d.rolloutState === k));
    legend(el, lines.concat(states.map((k) => ({ label: ROLLOUT[k].label, colour: ROLLOUT[k].colour, kind: 'block' }))));
    const innerHeight = 150;
    const top = MARGIN.top + lanes * LANE + 4;
    const y = d3.scaleLinear().domain([0, d3.max(lines, (l) => d3.max(l.values)) || 1]).nice().range([innerHeight, 0]);
    const { g } = frame(el, layout, innerHeight, top);
    const band = g.append('g').attr('class', 'deployments').selectAll('g').data(bands).join('g')
      .attr('class', 'deployment-band')
      .attr('data-rollout-state', (b) => b.d.rolloutState);
    band.append('rect').attr('class', 'band-shade')
      .attr('x', (b) => b.x0).attr('width', (b) => b.x1 - b.x0).attr('height', innerHeight)
      .attr('fill', (b) => b.state.colour).attr('fill-opacity', 0.1);
    const tag = band.append('g').attr('transform', (b) => 'translate(0,' + (b.lane * LANE - lanes * LANE - 4) + ')');
    tag.append('rect').attr('class', 'band-bar')
      .attr('x', (b) => b.x0).attr('width', (b) => b.x1 - b.x0).attr('height', LANE - 3)
      .attr('fill', (b) => b.state.colour).attr('fill-opacity', 0.3).attr('stroke', (b) => b.state.colour);
    tag.append('text').attr('class', 'band-label')
      .attr('x', (b) => b.labelX).attr('y', (LANE - 3) / 2).attr('dy', '0.35em').attr('fill', INK)
      .text((b) => b.label);
    tag.append('title').text((b) => deploymentTitle(b.d));
    drawValueAxis(g, layout, y, count, 4);
    drawTimeAxis(g, layout, innerHeight);
    const line = stepLine(layout, y);
    g.append('g').attr('class', 'lines').selectAll('path').data(drawOrder).join('path')
      .attr('fill', 'none')
      .attr('stroke', (d) => d.colour)
      .attr('stroke-width', (d) => d.width)
      .attr('stroke-dasharray', (d) => (d.kind === 'dashed' ? '4,3' : null))
      .attr('d', (d) => line(d.values))
      .append('title')
      .text((d) => d.label);
    hover(el, g, layout, innerHeight, (i) => lines.map((l) => [l.label, count(l.values[i] || 0)]));
  }

  // ---- the service event log: a text filter over service and message, rows hidden, never rewritten ----

  function setupServiceEventsFilter() {
    const input = document.getElementById('service-events-filter');
    const table = document.getElementById('table-service-events');
    if (!input || !table) return;
    const status = document.getElementById('service-events-count');
    const rows = Array.from(table.tBodies[0].rows).map((tr) => ({
      tr,
      text: (tr.cells[1].textContent + ' ' + tr.cells[2].textContent).toLowerCase(),
    }));
    const apply = () => {
      const query = input.value.trim().toLowerCase();
      let shown = 0;
      for (const row of rows) {
        const match = query === '' || row.text.includes(query);
        row.tr.hidden = !match;
        if (match) shown++;
      }
      status.textContent = query === '' ? '' : count(shown) + ' of ' + count(rows.length) + ' events match';
    };
    input.addEventListener('input', apply);
    input.closest('.filter').hidden = false;
    apply();
  }

  // ---- page ----

  const charts = [
    ['chart-tasks', drawTasksChart],
    ['chart-reservation', drawReservationChart],
    ['chart-cpu-heatmap', (el, layout) => drawHeatmap(el, layout, HEATMAPS.cpu)],
    ['chart-memory-heatmap', (el, layout) => drawHeatmap(el, layout, HEATMAPS.memory)],
    ['chart-tasks-heatmap', (el, layout) => drawHeatmap(el, layout, HEATMAPS.tasks)],
    ['chart-failures', drawFailuresChart],
  ].concat(data.services.map((service, i) => ['chart-service-' + i, (el, layout) => drawServiceChart(el, layout, service)]));
  const leftMargin = measureLeftMargin();
  let drawnWidth = 0;

  function drawAll() {
    const first = document.getElementById(charts[0][0]);
    const width = Math.round(first.clientWidth) || 960;
    if (width === drawnWidth) return;
    drawnWidth = width;
    const layout = makeLayout(width, leftMargin);
    for (const [id, draw] of charts) {
      const el = document.getElementById(id);
      d3.select(el).selectAll('*').remove();
      draw(el, layout);
    }
  }

  drawAll();
  setupServiceEventsFilter();
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(drawAll, 150);
  });
})();
