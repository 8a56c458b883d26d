/* ecsim report, capacity and cost: per capacity provider its instances and reservation, and the rate of spending (see client-core.js). */

// ---- (h) one chart per Auto Scaling group provider: desired, registered, launching, tasks waiting ----

const SCALE_OUT = '#1a7f37';
const SCALE_IN = '#9a6700';
const WAITING_COLOUR = '#8250df';
const LAUNCHING_COLOUR = '#bc4c00';

/** The providers in the order the page numbered their chart slots (chart-capacity-<index>). */
const capacityProviders = Object.keys(series.byCapacityProvider || {});

/** Consecutive changes in one direction closer than this (px) share one label: `0→5→10→15`. */
const CHAIN_PX = 24;

/** The longest chain spelled out in full; longer ones read `15→…→0 (6 changes)`. */
const CHAIN_SPELLED = 5;

function scalingTitle(a) {
  return (a.to >= a.from ? 'scale out ' : 'scale in ') + a.from + '→' + a.to + ' at ' + formatSimTime(a.at) +
    ' · CapacityProviderReservation ' + a.reservation + '%';
}

/**
 * Cluster auto scaling's changes of this provider's desired capacity as markers labelled from→to,
 * a run of quick changes in one direction as one marker with a rule per change.
 */
function scalingMarkers(name, layout) {
  const chains = [];
  for (const a of (data.scalingActivities || []).filter((a) => a.capacityProvider === name)) {
    const chain = chains[chains.length - 1];
    const prev = chain && chain[chain.length - 1];
    const sameWay = prev && prev.to === a.from && (a.to >= a.from) === (prev.to >= prev.from);
    if (sameWay && layout.x(a.at) - layout.x(prev.at) < CHAIN_PX) chain.push(a);
    else chains.push([a]);
  }
  return chains.map((chain) => {
    const first = chain[0];
    const last = chain[chain.length - 1];
    const label = chain.length <= CHAIN_SPELLED
      ? [first.from].concat(chain.map((a) => a.to)).join('→')
      : first.from + '→…→' + last.to + ' (' + chain.length + ' changes)';
    return { at: first.at, rules: chain.map((a) => a.at), label, colour: last.to >= first.from ? SCALE_OUT : SCALE_IN, title: chain.map(scalingTitle).join('\n') };
  });
}

function drawCapacityChart(el, layout, name) {
  const s = series.byCapacityProvider[name];
  const lines = [
    { label: 'desired capacity', values: s.desired, colour: INK, kind: 'dashed', width: 1.5 },
    { label: 'registered instances', values: s.instances, colour: CPU_COLOUR, kind: 'line', width: 2.5 },
    { label: 'launching instances', values: s.launching, colour: LAUNCHING_COLOUR, kind: 'line', width: 1.5 },
    { label: 'tasks waiting for capacity', values: s.waiting, colour: WAITING_COLOUR, kind: 'dashed', width: 1.5 },
  ];
  const markers = markerLayout(scalingMarkers(name, layout), layout);
  const extra = [];
  if (markers.spans.some((m) => m.m.colour === SCALE_OUT)) extra.push({ label: 'scale out', colour: SCALE_OUT, kind: 'dashed' });
  if (markers.spans.some((m) => m.m.colour === SCALE_IN)) extra.push({ label: 'scale in', colour: SCALE_IN, kind: 'dashed' });
  legend(el, lines.concat(extra));
  const innerHeight = 170;
  const lanesHeight = markers.lanes * LANE;
  const y = countAxis(lines.map((l) => l.values), innerHeight);
  const { g } = frame(el, layout, innerHeight, MARGIN.top + (lanesHeight > 0 ? lanesHeight + 4 : 0));
  drawValueAxis(g, layout, y, count, 5);
  drawTimeAxis(g, layout, innerHeight);
  drawMarkers(g, markers, -lanesHeight - 4, innerHeight, layout, 'scaling-activities');
  drawLines(g, layout, y, [lines[3], lines[2], lines[1], lines[0]]);
  hover(el, g, layout, innerHeight, (i) =>
    lines.map((l) => [l.label, count(l.values[i] || 0)]).concat([['reservation', (s.reservation[i] || 0) + '%']]),
  );
}

// ---- (i) its CapacityProviderReservation, with a reference line at 100% ----

/**
 * Results do not carry the provider's targetCapacity, so the reference is 100%: the group holds
 * just the instances its tasks need (managed scaling's target unless the scenario set another).
 */
function drawProviderReservationChart(el, layout, name) {
  const s = series.byCapacityProvider[name];
  const line = { label: 'CapacityProviderReservation', values: s.reservation, colour: CPU_COLOUR, kind: 'line', width: 1.8 };
  legend(el, [line, { label: '100%: instances match what the tasks need', colour: '#8c959f', kind: 'dashed' }]);
  const innerHeight = 80;
  const y = d3.scaleLinear().domain([0, Math.max(100, d3.max(s.reservation) || 0)]).nice().range([innerHeight, 0]);
  const { g } = frame(el, layout, innerHeight, MARGIN.top);
  drawValueAxis(g, layout, y, (v) => v + '%', 3);
  drawTimeAxis(g, layout, innerHeight);
  g.append('line').attr('class', 'reference-line')
    .attr('x1', 0).attr('x2', layout.innerWidth).attr('y1', y(100)).attr('y2', y(100))
    .attr('stroke', '#8c959f').attr('stroke-width', 1.2).attr('stroke-dasharray', '5,3');
  drawLines(g, layout, y, [line]);
  hover(el, g, layout, innerHeight, (i) => [
    ['reservation', (s.reservation[i] || 0) + '%'],
    ['registered instances', count(s.instances[i] || 0)],
    ['tasks waiting', count(s.waiting[i] || 0)],
  ]);
}

// ---- (j) USD per hour being spent ----

/** `$0.0716` under a dollar, `$1.44` from one (as formatUsd); the axis ticks get cents, or more decimals when their step needs them. */
function usd(v) {
  return v !== 0 && Math.abs(v) < 1 ? '$' + v.toFixed(4) : d3.format('$,.2f')(v);
}

function drawCostChart(el, layout) {
  const values = series.costPerHour || [];
  // Billing closes at the end of the run, so a sample there reads 0; it spans no time, so draw the step before it to the edge.
  const last = values.length - 1;
  const drawn = last > 0 && t[last] >= durationMs ? values.slice(0, last).concat([values[last - 1]]) : values;
  const line = { label: 'USD per hour', values: drawn, colour: '#1a7f37', kind: 'line', width: 1.8 };
  legend(el, [line]);
  const innerHeight = 130;
  const y = d3.scaleLinear().domain([0, d3.max(values) || 1]).nice().range([innerHeight, 0]);
  const [, top] = y.domain();
  const axisFormat = d3.format('$,.' + Math.max(2, d3.precisionFixed(d3.tickStep(0, top, 4))) + 'f');
  const { g } = frame(el, layout, innerHeight, MARGIN.top);
  drawValueAxis(g, layout, y, axisFormat, 4);
  drawTimeAxis(g, layout, innerHeight);
  const area = d3.area().x((_, i) => layout.x(t[i])).y0(innerHeight).y1((v) => y(v)).curve(d3.curveStepAfter);
  g.append('path').attr('class', 'cost-area').attr('fill', line.colour).attr('fill-opacity', 0.12).attr('d', area(drawn));
  drawLines(g, layout, y, [line]);
  hover(el, g, layout, innerHeight, (i) => [['cost rate', usd(values[i] || 0) + '/h']]);
}
