import { formatDuration, SECOND } from '../src/engine/time.js';

/** `12345` -> `12,345`. Written out rather than toLocaleString so the output never depends on the locale. */
export function formatCount(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Percentages arrive rounded to two decimals; show them as they are. */
export function formatPercent(p: number): string {
  return `${p}%`;
}

/** A span of simulated time: `3h`, `1h30m`, `45s`; over a second it is rounded to whole seconds. */
export function formatSpan(ms: number): string {
  return formatDuration(ms >= SECOND ? Math.round(ms / SECOND) * SECOND : ms);
}

/** A moment of simulated time as an elapsed clock, `h:mm:ss` (`1:05:09`). */
export function formatClock(ms: number): string {
  const totalSeconds = Math.floor(ms / SECOND);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** A short duration in seconds to one decimal: `11500` -> `11.5s`, `0` -> `0s`, `60000` -> `60s`. */
export function formatSeconds(ms: number): string {
  return `${formatCount(Math.round(ms / 100) / 10)}s`;
}

/** US dollars: to the cent from $1 (`$1,234.57`), to four decimals under it (`$0.0716`); written out, never locale-dependent. */
export function formatUsd(usd: number): string {
  const sign = usd < 0 ? '-' : '';
  const abs = Math.abs(usd);
  if (abs === 0) return '$0.00';
  if (abs < 1) return `${sign}$${abs.toFixed(4)}`;
  const [whole, cents] = abs.toFixed(2).split('.');
  return `${sign}$${formatCount(Number(whole))}.${cents}`;
}
