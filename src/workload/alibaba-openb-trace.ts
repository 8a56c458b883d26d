import type { Millis } from '../engine/time.js';

/** One pod of a pod trace, in the units a standalone ECS task is described in. */
export interface TracePod {
  /** Line in the file (the header is line 1), for messages. */
  line: number;
  /** Submission time, ms from the trace's start (`creation_time` x 1000). */
  createdAt: Millis;
  /** How long the pod lived, ms: `deletion_time - creation_time` (its wait to be scheduled included). */
  durationMs: Millis;
  /** `cpu_milli x 1024 / 1000`, rounded up so the task reserves at least what the pod requested (ECS: 1024 units per vCPU). */
  cpuUnits: number;
  memoryMiB: number;
  /** Whole GPUs requested (`num_gpu`; a GPU-sharing pod asks for 1). */
  gpus: number;
  /** Never scheduled in the original cluster (`scheduled_time` empty; `pod_phase` Pending). */
  pending: boolean;
}

const COLUMNS = ['cpu_milli', 'memory_mib', 'num_gpu', 'creation_time', 'deletion_time', 'scheduled_time'] as const;

/**
 * The pods of an Alibaba "OpenB" pod list (cluster-trace-gpu-v2023, `openb_pod_list_*.csv`: header
 * `name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time`,
 * times in seconds from the trace's start, rows sorted by creation_time). Columns are found by name.
 * A row that does not parse is an error naming its line.
 */
export function alibabaOpenbPods(csv: string): TracePod[] | { line: number; problem: string } {
  const lines = csv.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const at = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const missing = COLUMNS.filter((c) => at[c] < 0);
  if (missing.length > 0) return { line: 1, problem: `expected a header with the columns ${COLUMNS.join(', ')}; missing ${missing.join(', ')}` };
  const pods: TracePod[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const pod = parsePod(lines[i].split(','), header.length, at, i + 1);
    if (typeof pod === 'string') return { line: i + 1, problem: pod };
    const previous = pods.at(-1);
    if (previous && pod.createdAt < previous.createdAt) {
      return { line: i + 1, problem: `creation_time ${pod.createdAt / 1000} is before the previous row's ${previous.createdAt / 1000}: expected rows sorted by creation_time` };
    }
    pods.push(pod);
  }
  return pods;
}

/** One row, or what is wrong with it. */
function parsePod(fields: string[], columns: number, at: Record<(typeof COLUMNS)[number], number>, line: number): TracePod | string {
  if (fields.length !== columns) return `expected ${columns} comma-separated fields, got ${fields.length}`;
  const count = (column: (typeof COLUMNS)[number]) => wholeNumber(fields[at[column]]);
  const seconds = (column: (typeof COLUMNS)[number]) => nonNegative(fields[at[column]]);
  const cpuMilli = count('cpu_milli');
  const memoryMiB = count('memory_mib');
  const gpus = count('num_gpu');
  const created = seconds('creation_time');
  const deleted = seconds('deletion_time');
  const scheduledText = fields[at.scheduled_time].trim();
  const bad = ([['cpu_milli', cpuMilli], ['memory_mib', memoryMiB], ['num_gpu', gpus]] as const).find(([, v]) => v === undefined);
  if (bad) return `expected ${bad[0]} to be a whole number >= 0, got "${fields[at[bad[0]]]}"`;
  const badTime = ([['creation_time', created], ['deletion_time', deleted]] as const).find(([, v]) => v === undefined);
  if (badTime) return `expected ${badTime[0]} to be seconds >= 0, got "${fields[at[badTime[0]]]}"`;
  if (scheduledText !== '' && nonNegative(scheduledText) === undefined) return `expected scheduled_time to be seconds >= 0 or empty, got "${scheduledText}"`;
  if (deleted! < created!) return `expected deletion_time (${deleted}) at or after creation_time (${created})`;
  return {
    line,
    createdAt: Math.round(created! * 1000),
    durationMs: Math.round((deleted! - created!) * 1000),
    cpuUnits: Math.ceil((cpuMilli! * 1024) / 1000),
    memoryMiB: memoryMiB!,
    gpus: gpus!,
    pending: scheduledText === '',
  };
}

function wholeNumber(text: string): number | undefined {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
}

function nonNegative(text: string): number | undefined {
  return /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : undefined;
}
