import type { ScalarValue } from './parse-set.js';
import type { SweepDocument } from './sweep-document.js';

/**
 * sweep.csv: one row per grid point and figure ("long" form, which spreadsheets pivot and plotting
 * tools facet without reshaping). Columns: point, one column per --set path holding its value, figure,
 * unit, n, mean, ci95_low, ci95_high, ci95_half_width, sd, min, max. Empty cells where there is no
 * interval (one seed). RFC 4180 quoting, "\n" line ends.
 */
export function sweepCsv(sweep: SweepDocument): string {
  const header = ['point', ...sweep.sets.map((s) => s.path), 'figure', 'unit', 'n', 'mean', 'ci95_low', 'ci95_high', 'ci95_half_width', 'sd', 'min', 'max'];
  const rows = [header];
  const units = new Map(sweep.figures.map((f) => [f.name, f.unit]));
  for (const point of sweep.points) {
    for (const [name, m] of Object.entries(point.figures)) {
      rows.push([
        String(point.index),
        ...sweep.sets.map((s) => cell(point.set[s.path])),
        name,
        units.get(name) ?? '',
        String(m.n),
        ...[m.mean, m.low, m.high, m.halfWidth, m.sd, m.min, m.max].map(cell),
      ]);
    }
  }
  return rows.map((row) => row.map(quote).join(',')).join('\n') + '\n';
}

function cell(value: ScalarValue | number | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
