/** The most seeds one sweep takes: a guard against a typo such as `1..1000000000`. */
export const MAX_SEEDS = 100_000;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Parses `--seeds`: a range `A..B` (both ends included), a list `1,5,9`, or a mix `1..3,10`.
 * Seeds keep the order written; a seed written twice is an error (it would count the same run twice
 * in the interval).
 */
export function parseSeeds(text: string): Parsed<number[]> {
  const seeds: number[] = [];
  for (const part of text.split(',')) {
    const item = part.trim();
    const range = /^(\d+)\.\.(\d+)$/.exec(item);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to < from) return { ok: false, message: `--seeds: a range must not run backwards, got "${item}"` };
      if (to - from + 1 + seeds.length > MAX_SEEDS) return { ok: false, message: `--seeds: at most ${MAX_SEEDS} seeds, got "${text}"` };
      for (let seed = from; seed <= to; seed++) seeds.push(seed);
    } else if (/^\d+$/.test(item)) {
      seeds.push(Number(item));
    } else {
      return { ok: false, message: `--seeds: expected whole numbers such as "1..50" or "1,5,9", got "${item}" in "${text}"` };
    }
  }
  if (seeds.some((seed) => !Number.isSafeInteger(seed))) return { ok: false, message: `--seeds: a seed is too large in "${text}"` };
  const repeated = seeds.find((seed, i) => seeds.indexOf(seed) !== i);
  if (repeated !== undefined) return { ok: false, message: `--seeds: seed ${repeated} is listed twice in "${text}"` };
  if (seeds.length > MAX_SEEDS) return { ok: false, message: `--seeds: at most ${MAX_SEEDS} seeds, got ${seeds.length}` };
  return { ok: true, value: seeds };
}
