/**
 * A request trace as a per-minute rate: requests per second in each minute from the first request's
 * minute on (the Azure LLM inference traces: one row per request, `TIMESTAMP` first).
 */
export function perMinuteRate(timestampsMs: readonly number[]): number[] {
  if (timestampsMs.length === 0) return [];
  const start = Math.floor(timestampsMs.reduce((a, b) => Math.min(a, b)) / 60_000);
  const counts: number[] = [];
  for (const t of timestampsMs) {
    const minute = Math.floor(t / 60_000) - start;
    while (counts.length <= minute) counts.push(0);
    counts[minute]++;
  }
  return counts.map((n) => n / 60);
}

/**
 * The request times of an Azure LLM inference trace CSV (`TIMESTAMP,ContextTokens,GeneratedTokens`,
 * times like `2023-11-16 18:17:03.9799600`, UTC), in epoch ms. A row that does not parse is an error
 * naming its line.
 */
export function azureTraceTimes(csv: string): number[] | { line: number; problem: string } {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (!/^TIMESTAMP,/.test(lines[0] ?? '')) return { line: 1, problem: 'expected a header starting with TIMESTAMP' };
  const times: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(\.\d+)?,/.exec(lines[i]);
    const ms = match ? Date.parse(`${match[1]}T${match[2]}Z`) + Math.floor(Number(`0${match[3] ?? ''}`) * 1000) : NaN;
    if (Number.isNaN(ms)) return { line: i + 1, problem: `expected "YYYY-MM-DD hh:mm:ss.fffffff,..." got "${lines[i].slice(0, 40)}"` };
    times.push(ms);
  }
  return times;
}
