import type { Results } from '../src/results/results.js';
import { escapeHtml } from './escape-html.js';

/** Results -> one self-contained HTML page. (Placeholder until the charts land.) */
export function renderReport(results: Results): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(results.scenario.name)} — ecsim</title></head>
<body><h1>${escapeHtml(results.scenario.name)}</h1><p>${results.summary.tasksPlaced} tasks placed, ${results.summary.runTaskFailures} RunTask failures.</p></body></html>
`;
}
