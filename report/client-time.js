/* ecsim report and comparison page: simulated time as text (0h, 30m, 1h30m, 1d2h) and round ticks, shared by both pages' scripts. */

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

/** Ticks on round steps (1s ... 7d) from `from` to `to`, at most one per ~80px. */
function roundTimeTicks(from, to, innerWidth) {
  const stepsSeconds = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];
  const most = Math.max(2, Math.floor(innerWidth / 80));
  const step = (stepsSeconds.find((s) => (to - from) / (s * 1000) <= most) || 604800) * 1000;
  return d3.range(Math.ceil(from / step) * step, to + 1, step);
}

/** Fills a chart's tooltip with a title and [label, value] rows, and places it beside the pointer, inside the chart. */
function showTooltip(tip, el, event, title, rows) {
  tip.style('display', null).selectAll('*').remove();
  tip.append('div').attr('class', 'tip-time').text(title);
  const row = tip.selectAll('div.tip-row').data(rows).join('div').attr('class', 'tip-row');
  row.append('span').text((d) => d[0]);
  row.append('b').text((d) => d[1]);
  const box = el.getBoundingClientRect();
  const left = event.clientX - box.left;
  const tipWidth = tip.node().offsetWidth;
  tip.style('left', (left + 14 + tipWidth > box.width ? left - 14 - tipWidth : left + 14) + 'px').style('top', event.clientY - box.top + 12 + 'px');
}
