import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasSweepFlags, relaunchArgs, SWEEP_NODE_FLAGS } from '../../src/cli/sweep-process.js';

describe('the sweep process', () => {
  it('runs with single-threaded garbage collection', () => {
    expect(SWEEP_NODE_FLAGS).toEqual(['--single-threaded-gc']);
  });

  it('relaunches with node options kept, the flags added once, and the script and its arguments after', () => {
    const argv = ['/usr/bin/node', '/x/main.ts', 'sweep', 'a.yaml', '--seeds', '1..3'];
    const loader = ['--require', '/t/preflight.cjs', '--import', 'file:///t/loader.mjs'];
    expect(relaunchArgs(loader, argv)).toEqual([...loader, '--single-threaded-gc', '/x/main.ts', 'sweep', 'a.yaml', '--seeds', '1..3']);
    expect(relaunchArgs(['--single-threaded-gc'], argv)).toEqual(['--single-threaded-gc', ...argv.slice(1)]);
    expect(hasSweepFlags(loader)).toBe(false);
    expect(hasSweepFlags(relaunchArgs(loader, argv))).toBe(true);
  });

  it('a relaunched process never relaunches again', () => {
    expect(hasSweepFlags([], { ECSIM_SWEEP_RELAUNCHED: '1' })).toBe(true);
    expect(hasSweepFlags([], {})).toBe(false);
  });

  it('a process started without the flags runs again with them, with its arguments, and exits with its exit code', () => {
    const probe = join(__dirname, '..', 'fixtures', 'relaunch-probe.ts');
    const result = spawnSync(process.execPath, ['--import', 'tsx', probe, 'sweep', 'x y'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(3);
    const seen = JSON.parse(result.stdout) as { execArgv: string[]; args: string[] };
    expect(seen.execArgv).toContain('--single-threaded-gc');
    expect(seen.execArgv.filter((a) => a === '--single-threaded-gc')).toHaveLength(1);
    expect(seen.args).toEqual(['sweep', 'x y']);
  });

  it('a signal to the first process stops the relaunched one, and ends the first with it', async () => {
    const probe = join(__dirname, '..', 'fixtures', 'relaunch-probe.ts');
    const first = spawn(process.execPath, ['--import', 'tsx', probe, 'wait'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve) => first.stdout.once('data', (data: Buffer) => resolve(data.toString())));
    const relaunched = (JSON.parse(line) as { pid: number }).pid;
    expect(relaunched).not.toBe(first.pid);
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => first.on('exit', (code, signal) => resolve({ code, signal })));
    first.kill('SIGTERM');
    try {
      expect(await ended).toEqual({ code: null, signal: 'SIGTERM' });
      expect(isAlive(relaunched)).toBe(false);
    } finally {
      if (isAlive(relaunched)) process.kill(relaunched, 'SIGKILL');
    }
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
