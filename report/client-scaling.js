/* ecsim report, service load and auto scaling: offered and unserved requests, utilization (see client-core.js). */

const OFFERED_COLOUR = '#0969da';
const OVER_COLOUR = '#cf222e';

/** The services in the order the page numbered their chart slots (chart-service-load-<index>). */
const scaledServices = Object.keys(series.serviceMetrics || {});

/** A step path that leaves a gap where a minute has no datapoint; the sample at t covers the minute ending at t. */
function gappedLine(layout, y) {
  return d3.line().defined((v) => v !== null && v !== undefined).x((_, i) => layout.x(t[i])).y((v) => y(v)).curve(d3.curveStepBefore);
}

function drawGappedLines(g, layout, y, lines) {
  const line = gappedLine(layout, y);
  g.append('g').attr('class', 'lines').selectAll('path').data(lines).join('path')
    .attr('fill', 'none')
    .attr('stroke', (d) => d.colour)
    .attr('stroke-width', (d) => d.width || 1.8)
    .attr('stroke-dasharray', (d) => (d.kind === 'dashed' ? '4,3' : null))
    .attr('d', (d) => line(d.values))
    .append('title').text((d) => d.label);
}

function serviceScalingMarkers(name) {
  return (data.serviceScalingActivities || []).filter((a) => a.service === name).map((a) => ({
    at: a.at,
    label: a.from + '→' + a.to,
    colour: a.to > a.from ? SCALE_OUT : SCALE_IN,
    title: (a.to > a.from ? 'scale out ' : 'scale in ') + a.from + '→' + a.to + ' at ' + formatSimTime(a.at) + '\n' + a.cause,
  }));
}

const rps = (v) => (v === null || v === undefined ? '—' : d3.format(',.1f')(v) + '/s');
const percent = (v) => (v === null || v === undefined ? '—' : d3.format('.1f')(v) + '%');

function drawServiceLoadChart(el, layout, name) {
  const m = series.serviceMetrics[name];
  const lines = [
    { label: 'requests offered', values: m.requestRate, colour: OFFERED_COLOUR, kind: 'line', width: 2 },
    { label: 'requests over capacity', values: m.requestsOverCapacity, colour: OVER_COLOUR, kind: 'line', width: 1.8 },
  ];
  const markers = markerLayout(serviceScalingMarkers(name), layout);
  legend(el, lines);
  const innerHeight = 150;
  const lanesHeight = markers.lanes * LANE;
  const y = d3.scaleLinear().domain([0, d3.max(m.requestRate.concat(m.requestsOverCapacity), (v) => v || 0) || 1]).nice().range([innerHeight, 0]);
  const { g } = frame(el, layout, innerHeight, MARGIN.top + (lanesHeight > 0 ? lanesHeight + 4 : 0));
  drawValueAxis(g, layout, y, d3.format(','), 4);
  drawTimeAxis(g, layout, innerHeight);
  drawMarkers(g, markers, -lanesHeight - 4, innerHeight, layout, 'service-scaling-activities');
  drawGappedLines(g, layout, y, [lines[1], lines[0]]);
  hover(el, g, layout, innerHeight, (i) => [['offered', rps(m.requestRate[i])], ['over capacity', rps(m.requestsOverCapacity[i])]]);
}

/**
 * The target values and alarm thresholds of the service's policies on its own CPU or memory
 * utilization, as horizontal rules: { label, value, colour }.
 */
function utilizationRules(name) {
  return (data.serviceScalingPolicies || [])
    .filter((p) => p.service === name && p.metric.namespace === 'AWS/ECS' && p.metric.dimensions.ServiceName === name && /^(CPU|Memory)Utilization$/.test(p.metric.metricName))
    .map((p) => ({
      value: p.policyType === 'TargetTrackingScaling' ? p.targetValue : p.threshold,
      colour: p.metric.metricName === 'CPUUtilization' ? CPU_COLOUR : MEMORY_COLOUR,
      label: (p.policyType === 'TargetTrackingScaling' ? 'target ' : 'alarm threshold ') + p.metric.metricName + ' ' + (p.policyType === 'TargetTrackingScaling' ? p.targetValue : p.threshold) + '% (' + p.policyName + ')',
    }));
}

function drawServiceUtilizationChart(el, layout, name) {
  const m = series.serviceMetrics[name];
  const lines = [
    { label: 'CPUUtilization', values: m.cpuUtilization, colour: CPU_COLOUR, kind: 'line', width: 2 },
    { label: 'MemoryUtilization', values: m.memoryUtilization, colour: MEMORY_COLOUR, kind: 'line', width: 1.8 },
  ];
  const rules = utilizationRules(name);
  legend(el, lines.concat(rules.length > 0 ? [{ label: 'policy target / threshold', colour: '#57606a', kind: 'dashed' }] : []));
  const innerHeight = 100;
  const top = d3.max(m.cpuUtilization.concat(m.memoryUtilization, rules.map((r) => r.value)), (v) => v || 0) || 0;
  const y = d3.scaleLinear().domain([0, Math.max(100, top)]).nice().range([innerHeight, 0]);
  const { g } = frame(el, layout, innerHeight, MARGIN.top);
  drawValueAxis(g, layout, y, (v) => v + '%', 3);
  drawTimeAxis(g, layout, innerHeight);
  g.append('g').attr('class', 'policy-rules').selectAll('line').data(rules).join('line')
    .attr('class', 'policy-rule')
    .attr('x1', 0).attr('x2', layout.innerWidth).attr('y1', (r) => y(r.value)).attr('y2', (r) => y(r.value))
    .attr('stroke', (r) => r.colour).attr('stroke-width', 1).attr('stroke-dasharray', '6,4')
    .append('title').text((r) => r.label);
  drawGappedLines(g, layout, y, [lines[1], lines[0]]);
  const ms = (v) => (v === null || v === undefined ? '—' : d3.format(',.0f')(v) + ' ms');
  hover(el, g, layout, innerHeight, (i) => [['CPU', percent(m.cpuUtilization[i])], ['memory', percent(m.memoryUtilization[i])], ['response time', ms((m.latencyMs || [])[i])]]);
}

/** The cooldowns scaling activities started: { from, to, out } in ms (clipped to the run). */
function cooldownSpans(name) {
  return (data.serviceScalingActivities || [])
    .filter((a) => a.service === name && a.cooldownEndsAt !== null && a.cooldownEndsAt > a.at)
    .map((a) => ({ from: a.at, to: Math.min(a.cooldownEndsAt, durationMs), out: a.to > a.from }));
}

/** Desired and RUNNING tasks of a scaled service, with each scaling activity's cooldown shaded. */
function drawServiceTasksChart(el, layout, name) {
  const s = series.byService[name];
  if (!s) {
    d3.select(el).append('p').attr('class', 'empty').text('No task counts for this service.');
    return;
  }
  const lines = [
    { label: 'desired', values: s.desired, colour: INK, kind: 'dashed', width: 1.5 },
    { label: 'running', values: s.running, colour: OFFERED_COLOUR, kind: 'line', width: 2 },
  ];
  const spans = cooldownSpans(name);
  legend(el, lines.concat([{ label: 'scale-out cooldown', colour: SCALE_OUT, kind: 'block' }, { label: 'scale-in cooldown', colour: SCALE_IN, kind: 'block' }]));
  const innerHeight = 110;
  const y = countAxis([s.desired, s.running], innerHeight);
  const { g } = frame(el, layout, innerHeight, MARGIN.top);
  g.append('g').attr('class', 'cooldowns').selectAll('rect').data(spans).join('rect')
    .attr('class', (c) => 'cooldown-band ' + (c.out ? 'cooldown-out' : 'cooldown-in'))
    .attr('x', (c) => layout.x(c.from)).attr('width', (c) => Math.max(1, layout.x(c.to) - layout.x(c.from)))
    .attr('y', 0).attr('height', innerHeight)
    .attr('fill', (c) => (c.out ? SCALE_OUT : SCALE_IN)).attr('fill-opacity', 0.14)
    .append('title').text((c) => (c.out ? 'scale-out' : 'scale-in') + ' cooldown ' + formatSimTime(c.from) + '–' + formatSimTime(c.to));
  drawValueAxis(g, layout, y, d3.format(','), 3);
  drawTimeAxis(g, layout, innerHeight);
  drawLines(g, layout, y, lines);
  const cooling = (i) => spans.find((c) => c.from <= t[i] && t[i] < c.to);
  hover(el, g, layout, innerHeight, (i) => [['desired', count(s.desired[i])], ['running', count(s.running[i])], ['cooldown', cooling(i) ? (cooling(i).out ? 'scale-out' : 'scale-in') : '—']]);
}

const ALARM_COLOURS = { ALARM: '#cf222e', OK: '#2da44e', INSUFFICIENT_DATA: '#d0d7de' };
const ALARM_ROW = 14;

/** One row per scaling alarm, one cell per minute coloured by its state; rows labelled by the alarm's name. */
function drawServiceAlarmsChart(el, layout, name) {
  const alarms = Object.entries(series.serviceMetrics[name].alarms || {});
  if (alarms.length === 0) {
    d3.select(el).append('p').attr('class', 'empty').text('No scaling alarms.');
    return;
  }
  legend(el, Object.entries(ALARM_COLOURS).map(([label, colour]) => ({ label, colour, kind: 'line' })));
  const innerHeight = alarms.length * ALARM_ROW;
  const { g } = frame(el, layout, innerHeight, MARGIN.top);
  drawTimeAxis(g, layout, innerHeight);
  const width = (i) => Math.max(1, layout.x(t[i]) - layout.x(t[i - 1] ?? t[i]));
  const rows = g.append('g').attr('class', 'alarm-rows').selectAll('g').data(alarms).join('g')
    .attr('class', 'alarm-row').attr('transform', (_, k) => 'translate(0,' + k * ALARM_ROW + ')');
  rows.append('title').text(([alarm]) => alarm);
  rows.selectAll('rect').data(([, states]) => states.map((state, i) => ({ state, i })).filter((c) => c.state !== null)).join('rect')
    .attr('class', (c) => 'alarm-cell alarm-' + c.state)
    .attr('x', (c) => layout.x(t[c.i]) - width(c.i)).attr('width', (c) => width(c.i))
    .attr('y', 1).attr('height', ALARM_ROW - 2)
    .attr('fill', (c) => ALARM_COLOURS[c.state]);
  g.append('g').attr('class', 'alarm-labels').selectAll('text').data(alarms).join('text')
    .attr('x', -6).attr('y', (_, k) => k * ALARM_ROW + ALARM_ROW / 2).attr('dy', '0.35em').attr('text-anchor', 'end')
    .attr('font-size', 10).text(([alarm]) => alarm.replace(/^TargetTracking-service\/[^/]*\//, ''));
}
