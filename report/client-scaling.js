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

function drawServiceUtilizationChart(el, layout, name) {
  const m = series.serviceMetrics[name];
  const lines = [
    { label: 'CPUUtilization', values: m.cpuUtilization, colour: CPU_COLOUR, kind: 'line', width: 2 },
    { label: 'MemoryUtilization', values: m.memoryUtilization, colour: MEMORY_COLOUR, kind: 'line', width: 1.8 },
  ];
  legend(el, lines);
  const innerHeight = 100;
  const top = d3.max(m.cpuUtilization.concat(m.memoryUtilization), (v) => v || 0) || 0;
  const y = d3.scaleLinear().domain([0, Math.max(100, top)]).nice().range([innerHeight, 0]);
  const { g } = frame(el, layout, innerHeight, MARGIN.top);
  drawValueAxis(g, layout, y, (v) => v + '%', 3);
  drawTimeAxis(g, layout, innerHeight);
  drawGappedLines(g, layout, y, [lines[1], lines[0]]);
  const ms = (v) => (v === null || v === undefined ? '—' : d3.format(',.0f')(v) + ' ms');
  hover(el, g, layout, innerHeight, (i) => [['CPU', percent(m.cpuUtilization[i])], ['memory', percent(m.memoryUtilization[i])], ['response time', ms((m.latencyMs || [])[i])]]);
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
