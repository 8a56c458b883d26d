import type { MeanInterval } from '../src/sweep/mean-interval.js';
import type { SweepDocument } from '../src/sweep/sweep-document.js';
import { escapeHtml } from './escape-html.js';

/**
 * sweep.html: one self-contained page (no scripts, no network requests) with, per figure, a table of
 * grid points showing the mean over seeds, its 95% interval and an SVG whisker on a scale shared by
 * the rows, so points compare at a glance. Every user string (scenario name, paths, values) is escaped.
 */
export function renderSweepReport(sweep: SweepDocument): string {
  const title = `${sweep.scenario.name}: sweep`;
  const grid = sweep.sets.map((s) => `<code>${escapeHtml(s.path)}</code> = ${s.values.map((v) => escapeHtml(JSON.stringify(v))).join(', ')}`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${sweep.runs.length} runs: ${sweep.points.length} grid point${sweep.points.length === 1 ? '' : 's'} x ${sweep.seeds.length} seed${sweep.seeds.length === 1 ? '' : 's'} (${escapeHtml(seedText(sweep.seeds))}). ecsim ${escapeHtml(sweep.ecsimVersion)}; scenario file sha256 <code>${escapeHtml(sweep.scenario.sha256.slice(0, 16))}</code>.</p>
${grid.length > 0 ? `<ul>${grid.map((g) => `<li>${g}</li>`).join('')}</ul>` : '<p>No <code>--set</code>: the scenario as written, over seeds.</p>'}
<p class="note">Each figure: the mean over seeds and its ${escapeHtml(sweep.interval)}.</p>
${sweep.figures.map((figure) => renderFigure(sweep, figure)).join('\n')}
</body>
</html>
`;
}

function renderFigure(sweep: SweepDocument, figure: SweepDocument['figures'][number]): string {
  const values = sweep.points.map((p) => p.figures[figure.name]);
  const low = Math.min(...values.map((m) => m.low ?? m.min));
  const high = Math.max(...values.map((m) => m.high ?? m.max));
  const head = [...sweep.sets.map((s) => `<th>${escapeHtml(s.path)}</th>`), '<th class="num">mean</th><th class="num">95% interval</th><th class="num">n</th><th></th>'].join('');
  const rows = sweep.points.map((point, i) => {
    const m = values[i];
    const setCells = sweep.sets.map((s) => `<td>${escapeHtml(String(point.set[s.path]))}</td>`).join('');
    const interval = m.low === null ? '—' : `${format(m.low)} to ${format(m.high!)}`;
    return `<tr>${setCells}<td class="num">${format(m.mean)}</td><td class="num">${interval}</td><td class="num">${m.n}</td><td>${whisker(m, low, high)}</td></tr>`;
  });
  return `<section>
<h2>${escapeHtml(figure.name)} <span class="unit">(${escapeHtml(figure.unit)})</span></h2>
<p class="note">${escapeHtml(figure.description)}</p>
<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>
</section>`;
}

/** The interval as a line with the mean as a dot, on the figure's shared scale [low, high]. */
function whisker(m: MeanInterval, low: number, high: number): string {
  const width = 240;
  const x = (v: number) => (high === low ? width / 2 : 6 + ((v - low) / (high - low)) * (width - 12)).toFixed(1);
  const line = m.low === null ? '' : `<line x1="${x(m.low)}" x2="${x(m.high!)}" y1="8" y2="8" stroke="#4a6fa5" stroke-width="2"/>`;
  return `<svg width="${width}" height="16" role="img" aria-label="mean and interval">${line}<circle cx="${x(m.mean)}" cy="8" r="4" fill="#1f3b63"/></svg>`;
}

function format(x: number): string {
  return Number.isInteger(x) ? x.toLocaleString('en-US') : x.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

function seedText(seeds: number[]): string {
  const contiguous = seeds.every((s, i) => i === 0 || s === seeds[i - 1] + 1);
  return contiguous && seeds.length > 2 ? `seeds ${seeds[0]}..${seeds.at(-1)}` : `seeds ${seeds.join(', ')}`;
}

const STYLES = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d232b; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin: 1.6rem 0 0.2rem; }
.unit, .note { color: #5b6572; font-weight: normal; }
table { border-collapse: collapse; } th, td { padding: 0.2rem 0.7rem; border-bottom: 1px solid #e3e7ec; text-align: left; }
.num { text-align: right; font-variant-numeric: tabular-nums; } code { font-size: 0.95em; }
`;
