import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * The V8 flags of the process `ecsim sweep` runs in. A sweep fills every core with worker threads,
 * so there is no idle core for V8's background garbage-collection threads: they only take time from
 * the other workers. With the collector on each worker's own thread, 2 workers on 2 cores finish a
 * 20-run sweep of 5-week quickstart runs about 7% sooner, and 1 worker no later. V8 flags are the
 * process's and cannot be set per worker thread, nor safely once V8 is running, so the sweep starts
 * node again with them.
 */
export const SWEEP_NODE_FLAGS: readonly string[] = ['--single-threaded-gc'];

/** Set in the relaunched process, so it never starts another even if node hid a flag from execArgv. */
const RELAUNCHED = 'ECSIM_SWEEP_RELAUNCHED';

/** Whether this process runs a sweep as it is: started with every sweep flag, or already relaunched once. */
export function hasSweepFlags(execArgv: readonly string[], env: NodeJS.ProcessEnv = {}): boolean {
  return env[RELAUNCHED] === '1' || SWEEP_NODE_FLAGS.every((flag) => execArgv.includes(flag));
}

/**
 * The arguments that run the same command again with the sweep flags: node's own options first
 * (a loader such as tsx's among them), then the flags, then the script and its arguments.
 */
export function relaunchArgs(execArgv: readonly string[], argv: readonly string[]): string[] {
  const missing = SWEEP_NODE_FLAGS.filter((flag) => !execArgv.includes(flag));
  return [...execArgv, ...missing, ...argv.slice(1)];
}

/** Signals passed on to the relaunched sweep: Ctrl-C, and the stop of a Kubernetes pod or an AWS Batch job. */
const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs this command again in a node started with the sweep flags, its output and input this
 * process's own, and resolves with its exit code. A signal sent to this process goes on to the sweep;
 * a signal that ends the sweep ends this process too (or, where it cannot, as in a container's first
 * process, sets the exit code a shell would show for it, 128 + its number).
 */
export function relaunchWithSweepFlags(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, relaunchArgs(process.execArgv, process.argv), { stdio: 'inherit', env: { ...process.env, [RELAUNCHED]: '1' } });
    const forward = (signal: NodeJS.Signals) => void child.kill(signal);
    for (const signal of FORWARDED) process.on(signal, forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const s of FORWARDED) process.off(s, forward);
      if (signal) {
        process.exitCode = 128 + (constants.signals[signal] ?? 0);
        process.kill(process.pid, signal);
      } else resolve(code ?? 1);
    });
  });
}
