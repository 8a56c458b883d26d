import type { Millis } from '../engine/time.js';
import type { Resources } from '../model/resources.js';
import type { TracePod } from './alibaba-openb-trace.js';

/** One RunTask call of a replayed trace: when, how long its task runs once RUNNING, what it reserves. */
export interface TraceCall {
  at: Millis;
  runDurationMs: Millis;
  /** The pod's CPU and memory, as RunTask's task-level `overrides.cpu` / `overrides.memory`. */
  reservation: Resources;
}

export interface TraceReplayOptions {
  /** Trace seconds per simulated second (60: an hour of trace in a simulated minute). */
  timeScale: number;
  /** Trace time the replay starts from, ms: pods created earlier are left out. */
  traceOffsetMs: Millis;
  /** At most this many pods are replayed (after the GPU and Pending filters). */
  maxRows?: number;
  /** ecsim has no GPUs: leave GPU pods out, or submit them with their CPU and memory only. */
  gpuPods: 'skip' | 'ignore-gpu';
  /** Pods the original cluster never scheduled: submit them like the others, or leave them out. */
  pendingPods: 'submit' | 'skip';
  /** Simulated time of the pod created at traceOffset, and the last simulated time a call may be made. */
  startAt: Millis;
  stopAt: Millis;
}

/** Task-level `cpu` on EC2 is at least 128 units (0.125 vCPU; API RegisterTaskDefinition): smaller pods are raised to it. */
export const MIN_TASK_CPU_UNITS = 128;

/**
 * ASSUMPTION: the least task-level `memory` a call may ask for (the 6 MiB floor RegisterTaskDefinition
 * puts on a container); the OpenB trace has a pod that requests 0 MiB, raised to it.
 */
export const MIN_TASK_MEMORY_MIB = 6;

/**
 * The RunTask calls that replay a pod trace, in time order: a pod created at trace time `c` is called at
 * `startAt + (c - traceOffset) / timeScale` and its task runs `duration / timeScale` once RUNNING, both
 * rounded to whole ms. Pods whose call would come after `stopAt` are not replayed.
 */
export function traceCalls(pods: readonly TracePod[], options: TraceReplayOptions): TraceCall[] {
  const calls: TraceCall[] = [];
  for (const pod of pods) {
    if (options.maxRows !== undefined && calls.length >= options.maxRows) break;
    if (pod.createdAt < options.traceOffsetMs) continue;
    if (pod.gpus > 0 && options.gpuPods === 'skip') continue;
    if (pod.pending && options.pendingPods === 'skip') continue;
    const at = options.startAt + Math.round((pod.createdAt - options.traceOffsetMs) / options.timeScale);
    if (at > options.stopAt) break;
    calls.push({
      at,
      runDurationMs: Math.round(pod.durationMs / options.timeScale),
      reservation: { cpuUnits: Math.max(MIN_TASK_CPU_UNITS, pod.cpuUnits), memoryMiB: Math.max(MIN_TASK_MEMORY_MIB, pod.memoryMiB) },
    });
  }
  return calls;
}
