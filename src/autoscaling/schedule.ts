/**
 * Application Auto Scaling schedules (AAS user guide, "Scheduled scaling"): `at(yyyy-mm-ddThh:mm:ss)`,
 * `rate(value unit)` and `cron(minutes hours day-of-month month day-of-week year)`, in UTC. Times are
 * epoch ms; occurrences fall on whole minutes (seconds of `at` kept).
 */
export type Schedule =
  | { kind: 'at'; atMs: number }
  | { kind: 'rate'; everyMs: number }
  | { kind: 'cron'; fields: CronFields };

interface CronFields {
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number> | '?';
  months: Set<number>;
  daysOfWeek: Set<number> | '?';
  years: Set<number> | '*';
}

const MINUTE = 60_000;
const UNITS: Record<string, number> = { minute: MINUTE, minutes: MINUTE, hour: 60 * MINUTE, hours: 60 * MINUTE, day: 1_440 * MINUTE, days: 1_440 * MINUTE };
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** The schedule an expression names, or why it is not one. */
export function parseSchedule(expression: string): Schedule | string {
  const at = /^at\((\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\)$/.exec(expression);
  if (at) return { kind: 'at', atMs: Date.parse(`${at[1]}Z`) };
  const rate = /^rate\((\d+) (minutes?|hours?|days?)\)$/.exec(expression);
  if (rate) {
    const value = Number(rate[1]);
    if (value < 1) return 'a rate needs a value of at least 1';
    if ((value === 1) !== !rate[2].endsWith('s')) return `expected "${value} ${value === 1 ? rate[2].replace(/s$/, '') : rate[2] + 's'}"`;
    return { kind: 'rate', everyMs: value * UNITS[rate[2]] };
  }
  const cron = /^cron\((.+)\)$/.exec(expression);
  if (cron) return parseCron(cron[1]);
  return 'expected at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(minutes hours day-of-month month day-of-week year)';
}

function parseCron(text: string): Schedule | string {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 6) return `a cron expression has 6 fields (minutes hours day-of-month month day-of-week year), got ${parts.length}`;
  const [mi, h, dom, mo, dow, y] = parts;
  if ((dom === '?') === (dow === '?')) return 'one of day-of-month and day-of-week must be ?, and only one';
  const fields = {
    minutes: field(mi, 0, 59),
    hours: field(h, 0, 23),
    daysOfMonth: dom === '?' ? ('?' as const) : field(dom, 1, 31),
    months: field(mo, 1, 12, MONTHS, 1),
    daysOfWeek: dow === '?' ? ('?' as const) : field(dow, 1, 7, DAYS, 1),
    years: y === '*' ? ('*' as const) : field(y, 1970, 2199),
  };
  for (const [name, value] of Object.entries(fields)) if (typeof value === 'string' && value !== '?' && value !== '*') return `cron ${name}: ${value}`;
  return { kind: 'cron', fields: fields as CronFields };
}

/** `*`, `a`, `a-b`, `a,b`, `*\/n`, `a/n`, `a-b/n`; names (JAN, MON) where given, counted from `base`. */
function field(text: string, min: number, max: number, names: string[] = [], base = 0): Set<number> | string {
  const value = (s: string) => {
    const named = names.indexOf(s.toUpperCase());
    return named >= 0 ? named + base : /^\d+$/.test(s) ? Number(s) : NaN;
  };
  const out = new Set<number>();
  for (const item of text.split(',')) {
    const [range, stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    const [from, to] = range === '*' ? [min, max] : range.includes('-') ? range.split('-').map(value) : [value(range), stepText === undefined ? value(range) : max];
    if (!Number.isInteger(step) || step < 1 || Number.isNaN(from) || Number.isNaN(to) || from < min || to > max || from > to) {
      return `"${item}" is not a value, range or step from ${min} to ${max}`;
    }
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

/**
 * The first occurrence strictly after `afterMs`, no later than `untilMs`; undefined if none. A rate
 * counts from `startMs` (the action's StartTime, else when the schedule began).
 */
export function nextOccurrence(schedule: Schedule, afterMs: number, untilMs: number, startMs: number): number | undefined {
  if (schedule.kind === 'at') return schedule.atMs > afterMs && schedule.atMs <= untilMs ? schedule.atMs : undefined;
  if (schedule.kind === 'rate') {
    const n = Math.max(1, Math.floor((afterMs - startMs) / schedule.everyMs) + 1);
    const next = startMs + n * schedule.everyMs;
    return next <= untilMs ? next : undefined;
  }
  for (let t = (Math.floor(afterMs / MINUTE) + 1) * MINUTE; t <= untilMs; t += MINUTE) if (cronMatches(schedule.fields, new Date(t))) return t;
  return undefined;
}

function cronMatches(f: CronFields, d: Date): boolean {
  return (
    f.minutes.has(d.getUTCMinutes()) &&
    f.hours.has(d.getUTCHours()) &&
    f.months.has(d.getUTCMonth() + 1) &&
    (f.years === '*' || f.years.has(d.getUTCFullYear())) &&
    (f.daysOfMonth === '?' || f.daysOfMonth.has(d.getUTCDate())) &&
    (f.daysOfWeek === '?' || f.daysOfWeek.has(d.getUTCDay() + 1))
  );
}
