import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');

/** Runs the real CLI (through tsx, as `npm start` does) and returns its exit code and output. */
export function ecsim(args: string[], cwd = ROOT, env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Bad input as the CLI must report it: exit code 2, nothing on stdout, one line on stderr matching `pattern`, no stack trace. Returns that line. */
export function expectBadInput(result: { code: number; stdout: string; stderr: string }, pattern: RegExp): string {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return lines[0];
}
