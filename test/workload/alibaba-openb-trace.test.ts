import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alibabaOpenbPods } from '../../src/workload/alibaba-openb-trace.js';
import { traceCalls, type TraceReplayOptions } from '../../src/workload/trace-replay.js';

const HEADER = 'name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('reading an Alibaba OpenB pod list', () => {
  it('turns each row into a pod: ms times, duration = deletion - creation, CPU units rounded up from milli-cores', () => {
    const pods = alibabaOpenbPods(csv('openb-pod-0000,12000,16384,1,1000,,LS,Running,0,12537496,0', 'openb-pod-0001,11300,41560,0,0,V100M16|V100M32,BE,Failed,600,1216,601'));
    expect(pods).toEqual([
      { line: 2, createdAt: 0, durationMs: 12_537_496_000, cpuUnits: 12_288, memoryMiB: 16_384, gpus: 1, pending: false },
      // 11300 milli-cores x 1024 / 1000 = 11571.2 units: rounded up so the task reserves at least what the pod asked.
      { line: 3, createdAt: 600_000, durationMs: 616_000, cpuUnits: 11_572, memoryMiB: 41_560, gpus: 0, pending: false },
    ]);
  });

  it('a Pending pod (never scheduled: scheduled_time empty) is read, marked pending', () => {
    const pods = alibabaOpenbPods(csv('openb-pod-7285,8000,30517,1,230,,BE,Pending,12774042,12774100,'));
    expect(pods).toEqual([{ line: 2, createdAt: 12_774_042_000, durationMs: 58_000, cpuUnits: 8192, memoryMiB: 30_517, gpus: 1, pending: true }]);
  });

  it('a row that does not parse is an error naming its line and the field', () => {
    expect(alibabaOpenbPods(csv('openb-pod-0000,12000,16384,1,1000,,LS,Running,0,10,0', 'openb-pod-0001,lots,16384,1,1000,,LS,Running,5,10,5'))).toEqual({
      line: 3,
      problem: 'expected cpu_milli to be a whole number >= 0, got "lots"',
    });
    expect(alibabaOpenbPods(csv('openb-pod-0000,12000,16384,1,1000,,LS,Running,0,10'))).toEqual({ line: 2, problem: 'expected 11 comma-separated fields, got 10' });
    expect(alibabaOpenbPods(csv('openb-pod-0000,12000,16384,1,1000,,LS,Running,20,10,20'))).toEqual({
      line: 2,
      problem: 'expected deletion_time (10) at or after creation_time (20)',
    });
    expect(alibabaOpenbPods(csv('p,1000,1,0,0,,LS,Running,9,10,9', 'q,1000,1,0,0,,LS,Running,5,10,5'))).toEqual({
      line: 3,
      problem: "creation_time 5 is before the previous row's 9: expected rows sorted by creation_time",
    });
  });

  it('a file without the columns it needs is an error on line 1', () => {
    expect(alibabaOpenbPods('TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,374,44')).toEqual({
      line: 1,
      problem: 'expected a header with the columns cpu_milli, memory_mib, num_gpu, creation_time, deletion_time, scheduled_time; missing cpu_milli, memory_mib, num_gpu, creation_time, deletion_time, scheduled_time',
    });
  });

  it('reads the whole shipped trace: 8152 pods, 1088 without GPUs, 897 Pending', () => {
    const pods = alibabaOpenbPods(readFileSync(join(__dirname, '../../sims/traces/alibaba-openb-gpu2023-pod-list-default.csv'), 'utf8'));
    if (!Array.isArray(pods)) throw new Error(`line ${pods.line}: ${pods.problem}`);
    expect(pods).toHaveLength(8152);
    expect(pods.filter((p) => p.gpus === 0)).toHaveLength(1088);
    expect(pods.filter((p) => p.pending)).toHaveLength(897);
    expect(Math.max(...pods.map((p) => p.createdAt + p.durationMs))).toBe(12_902_960_000);
  });
});

describe('replaying pods as RunTask calls', () => {
  const pod = (createdS: number, durationS: number, extra: Partial<{ gpus: number; pending: boolean; cpuUnits: number; memoryMiB: number }> = {}) => ({
    line: 2,
    createdAt: createdS * 1000,
    durationMs: durationS * 1000,
    cpuUnits: 1024,
    memoryMiB: 2048,
    gpus: 0,
    pending: false,
    ...extra,
  });
  const options = (o: Partial<TraceReplayOptions> = {}): TraceReplayOptions => ({
    timeScale: 1,
    traceOffsetMs: 0,
    gpuPods: 'skip',
    pendingPods: 'submit',
    startAt: 0,
    stopAt: Infinity,
    ...o,
  });

  it('timeScale 60: a pod created at 600 s is called at 10 s and its task runs 1/60 of its lifetime', () => {
    expect(traceCalls([pod(600, 3600)], options({ timeScale: 60 }))).toEqual([{ at: 10_000, runDurationMs: 60_000, reservation: { cpuUnits: 1024, memoryMiB: 2048 } }]);
  });

  it('traceOffset skips earlier pods and makes the pod at the offset the first call, at startAt', () => {
    const calls = traceCalls([pod(100, 10), pod(1000, 10), pod(1600, 10)], options({ timeScale: 60, traceOffsetMs: 1_000_000, startAt: 5_000 }));
    expect(calls.map((c) => c.at)).toEqual([5_000, 15_000]);
  });

  it('maxRows takes at most that many pods; calls after stopAt are not made', () => {
    const pods = [pod(0, 1), pod(10, 1), pod(20, 1), pod(30, 1)];
    expect(traceCalls(pods, options({ maxRows: 2 })).map((c) => c.at)).toEqual([0, 10_000]);
    expect(traceCalls(pods, options({ stopAt: 20_000 })).map((c) => c.at)).toEqual([0, 10_000, 20_000]);
  });

  it('GPU pods are left out by default; ignore-gpu submits them with their CPU and memory', () => {
    const pods = [pod(0, 1, { gpus: 1, cpuUnits: 6144 }), pod(10, 1)];
    expect(traceCalls(pods, options()).map((c) => c.at)).toEqual([10_000]);
    expect(traceCalls(pods, options({ gpuPods: 'ignore-gpu' })).map((c) => c.reservation.cpuUnits)).toEqual([6144, 1024]);
  });

  it('Pending pods are submitted unless pendingPods is skip', () => {
    const pods = [pod(0, 5, { pending: true }), pod(10, 1)];
    expect(traceCalls(pods, options()).map((c) => c.runDurationMs)).toEqual([5_000, 1_000]);
    expect(traceCalls(pods, options({ pendingPods: 'skip' })).map((c) => c.at)).toEqual([10_000]);
  });

  it('a pod asking for less than ECS allows is raised to 128 CPU units and 6 MiB', () => {
    expect(traceCalls([pod(0, 1, { cpuUnits: 2, memoryMiB: 0 })], options())[0].reservation).toEqual({ cpuUnits: 128, memoryMiB: 6 });
  });
});
