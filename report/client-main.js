/* ecsim report, the page: every chart, drawn on one layout and redrawn when the width changes (see client-core.js). */

const charts = [
  ['chart-tasks', drawTasksChart],
  ['chart-reservation', drawReservationChart],
  ['chart-cpu-heatmap', (el, layout) => drawHeatmap(el, layout, HEATMAPS.cpu)],
  ['chart-memory-heatmap', (el, layout) => drawHeatmap(el, layout, HEATMAPS.memory)],
  ['chart-tasks-heatmap', (el, layout) => drawHeatmap(el, layout, HEATMAPS.tasks)],
  ['chart-failures', drawFailuresChart],
]
  .concat(capacityProviders.flatMap((name, i) => [
    ['chart-capacity-' + i, (el, layout) => drawCapacityChart(el, layout, name)],
    ['chart-reservation-' + i, (el, layout) => drawProviderReservationChart(el, layout, name)],
  ]))
  .concat([['chart-cost', drawCostChart]])
  .concat(scaledServices.flatMap((name, i) => [
    ['chart-service-load-' + i, (el, layout) => drawServiceLoadChart(el, layout, name)],
    ['chart-service-tasks-' + i, (el, layout) => drawServiceTasksChart(el, layout, name)],
    ['chart-service-utilization-' + i, (el, layout) => drawServiceUtilizationChart(el, layout, name)],
    ['chart-service-alarms-' + i, (el, layout) => drawServiceAlarmsChart(el, layout, name)],
  ]))
  .concat(data.services.map((service, i) => ['chart-service-' + i, (el, layout) => drawServiceChart(el, layout, service)]))
  .concat((data.targetGroups || []).map((group, i) => ['chart-target-group-' + i, (el, layout) => drawTargetGroupChart(el, layout, group)]))
  .concat([['chart-discovery', drawDiscoveryChart]]);
const leftMargin = measureLeftMargin();
let drawnWidth = 0;

/** Draws every chart whose container the page has (the optional sections are left out when empty), on the shared view. */
function drawAll(force) {
  const first = document.getElementById(charts[0][0]);
  const width = Math.round(first.clientWidth) || 960;
  if (width === drawnWidth && !force) return;
  drawnWidth = width;
  clipCount = 0;
  const layout = makeLayout(width, leftMargin);
  for (const [id, draw] of charts) {
    const el = document.getElementById(id);
    if (!el) continue;
    d3.select(el).selectAll('*').remove();
    draw(el, layout);
    clipToPlot(el, layout);
  }
  drawNavigator(layout);
}

/** Zooms every chart to [from, to] and redraws them. */
function zoomTo(from, to) {
  if (setView(from, to)) drawAll(true);
}

drawAll();
setupNavigatorButtons();
setupMomentLinks();
setupServiceEventsFilter();
setupEventLogFilter();
let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(drawAll, 150);
});
