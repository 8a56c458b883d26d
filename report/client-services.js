/* ecsim report, services: a chart per service with deployments and pipeline runs, and the event log filter (see client-core.js). */

// ---- (e) one chart per service: desired, running, healthy, pending; deployments as bands ----

const ROLLOUT = {
  COMPLETED: { colour: '#2da44e', label: 'deployment completed' },
  FAILED: { colour: '#cf222e', label: 'deployment failed' },
  IN_PROGRESS: { colour: '#d4a72c', label: 'deployment in progress' },
};
const PIPELINE_COLOUR = '#57606a';

/**
 * Deployments as bands: x0..x1 from createdAt to updatedAt (to the end of the run while in
 * progress), each label inside its band when it fits, else beside it, in lanes so none overlap.
 */
function deploymentBandLayout(deployments, layout) {
  const x = layout.x;
  return packLanes(deployments.map((d) => {
    const x0 = x(d.createdAt);
    const x1 = Math.max(x0 + 2, x(d.rolloutState === 'IN_PROGRESS' ? durationMs : d.updatedAt));
    return { d, x0, x1, label: d.id + ' · ' + d.taskDefinition, state: ROLLOUT[d.rolloutState] || ROLLOUT.IN_PROGRESS };
  }), layout, true, 4);
}

function deploymentTitle(d) {
  const lines = [d.id + ' · ' + d.taskDefinition, d.rolloutState + (d.rolloutStateReason ? ': ' + d.rolloutStateReason : '')];
  lines.push('created ' + formatSimTime(d.createdAt) + ', updated ' + formatSimTime(d.updatedAt));
  if (d.rollbackOf) lines.push('rollback of ' + d.rollbackOf);
  return lines.join('\n');
}

/** Shaded bands over the plot, and a labelled bar per deployment in the lanes starting at `lanesTop`. */
function drawDeploymentBands(g, bands, lanesTop, innerHeight) {
  const band = g.append('g').attr('class', 'deployments').selectAll('g').data(bands).join('g')
    .attr('class', 'deployment-band')
    .attr('data-rollout-state', (b) => b.d.rolloutState);
  band.append('rect').attr('class', 'band-shade')
    .attr('x', (b) => b.x0).attr('width', (b) => b.x1 - b.x0).attr('height', innerHeight)
    .attr('fill', (b) => b.state.colour).attr('fill-opacity', 0.1);
  const tag = band.append('g').attr('transform', (b) => 'translate(0,' + (lanesTop + b.lane * LANE) + ')');
  tag.append('rect').attr('class', 'band-bar')
    .attr('x', (b) => b.x0).attr('width', (b) => b.x1 - b.x0).attr('height', LANE - 3)
    .attr('fill', (b) => b.state.colour).attr('fill-opacity', 0.3).attr('stroke', (b) => b.state.colour);
  tag.append('text').attr('class', 'band-label')
    .attr('x', (b) => b.labelX).attr('y', (LANE - 3) / 2).attr('dy', '0.35em').attr('fill', INK)
    .text((b) => b.label);
  tag.append('title').text((b) => deploymentTitle(b.d));
}

// ---- CI/CD pipeline runs on their service's chart: a marker at the start and at the image push ----

/** Each run from its start to its push (to the end of the run if it never pushed), labelled with the image. */
function pipelineLayout(pipelines, layout) {
  const x = layout.x;
  return packLanes(pipelines.map((p) => {
    const x0 = x(p.startedAt);
    return { p, x0, x1: Math.max(x0, x(p.pushDoneAt === null ? durationMs : p.pushDoneAt)), label: p.image };
  }), layout, false, 8);
}

function pipelineTitle(p) {
  const stage = (label, at) => label + ' ' + (at === null ? 'not reached' : formatSimTime(at));
  return [
    p.id + ' · ' + p.image,
    [stage('started', p.startedAt), stage('source', p.sourceDoneAt), stage('build', p.buildDoneAt), stage('pushed', p.pushDoneAt)].join(' · '),
    'registered ' + (p.taskDefinition || 'no revision') + ' · ' + (p.deploymentId ? 'started ' + p.deploymentId : 'no deployment'),
  ].join('\n');
}

/** A thin line per run with a hollow circle at its start and a filled triangle at its push. */
function drawPipelineRuns(g, runs, lanesTop) {
  const mid = (LANE - 3) / 2;
  const run = g.append('g').attr('class', 'pipelines').selectAll('g').data(runs).join('g')
    .attr('class', 'pipeline-run')
    .attr('data-pipeline', (r) => r.p.id)
    .attr('transform', (r) => 'translate(0,' + (lanesTop + r.lane * LANE) + ')');
  run.append('line').attr('class', 'pipeline-span')
    .attr('x1', (r) => r.x0).attr('x2', (r) => r.x1).attr('y1', mid).attr('y2', mid)
    .attr('stroke', PIPELINE_COLOUR).attr('stroke-width', 1.5);
  const markers = (r) => [{ stage: 'start', x: r.x0 }].concat(r.p.pushDoneAt === null ? [] : [{ stage: 'push', x: r.x1 }]);
  run.selectAll('path.pipeline-marker').data(markers).join('path')
    .attr('class', 'pipeline-marker')
    .attr('data-stage', (m) => m.stage)
    .attr('d', (m) => d3.symbol(m.stage === 'start' ? d3.symbolCircle : d3.symbolTriangle, m.stage === 'start' ? 30 : 44)())
    .attr('transform', (m) => 'translate(' + m.x + ',' + mid + ')' + (m.stage === 'push' ? ' rotate(180)' : ''))
    .attr('fill', (m) => (m.stage === 'start' ? '#fff' : INK))
    .attr('stroke', PIPELINE_COLOUR).attr('stroke-width', (m) => (m.stage === 'start' ? 1.5 : 0));
  run.append('text').attr('class', 'pipeline-label')
    .attr('x', (r) => r.labelX).attr('y', mid).attr('dy', '0.35em').attr('fill', INK)
    .text((r) => r.label);
  run.append('title').text((r) => pipelineTitle(r.p));
}

function drawServiceChart(el, layout, service) {
  const s = series.byService[service.serviceName] || { desired: [], running: [], pending: [], healthy: [] };
  const lines = [
    { label: 'desired', values: s.desired, colour: INK, kind: 'dashed', width: 1.5 },
    { label: 'running', values: s.running, colour: CPU_COLOUR, kind: 'line', width: 3 },
    { label: 'running and healthy', values: s.healthy, colour: '#1a7f37', kind: 'line', width: 1.2 },
    { label: 'pending', values: s.pending, colour: '#8250df', kind: 'dashed', width: 1.2 },
  ];
  const deployments = deploymentBandLayout(data.deployments.filter((d) => d.serviceName === service.serviceName), layout);
  const runs = pipelineLayout((data.pipelines || []).filter((p) => p.service === service.serviceName), layout);
  const states = Object.keys(ROLLOUT).filter((k) => deployments.spans.some((b) => b.d.rolloutState === k));
  const extra = states.map((k) => ({ label: ROLLOUT[k].label, colour: ROLLOUT[k].colour, kind: 'block' }));
  if (runs.spans.length > 0) extra.push({ label: 'pipeline run (○ started, ▼ image pushed)', colour: PIPELINE_COLOUR, kind: 'line' });
  legend(el, lines.concat(extra));
  const innerHeight = 150;
  const lanes = runs.lanes + deployments.lanes;
  const lanesTop = -lanes * LANE - 4;
  const y = countAxis(lines.map((l) => l.values), innerHeight);
  const { g } = frame(el, layout, innerHeight, MARGIN.top + 4 + lanes * LANE);
  drawPipelineRuns(g, runs.spans, lanesTop);
  drawDeploymentBands(g, deployments.spans, lanesTop + runs.lanes * LANE, innerHeight);
  drawValueAxis(g, layout, y, count, 4);
  drawTimeAxis(g, layout, innerHeight);
  drawLines(g, layout, y, [lines[1], lines[2], lines[3], lines[0]]);
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
