import { readFileSync } from 'node:fs';
import { mergeShards } from '../sweep/merge-shards.js';
import { badInput } from './cli-error.js';
import { sweepFileLines, writeSweep } from './sweep-command.js';

/** `ecsim merge OUT_DIR SHARD...`: the shards of one sweep into the sweep.json / sweep.csv / sweep.html the unsplit sweep writes. */
export function mergeCommand(outDir: string, files: string[]): void {
  const shards = files.map((file) => {
    try {
      return { file, content: readFileSync(file, 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw badInput(`${file}: cannot read the shard file (${code === 'ENOENT' ? 'no such file' : code ?? String(error)})`);
    }
  });
  const merged = mergeShards(shards);
  if (!merged.ok) throw badInput(merged.message);
  writeSweep(outDir, merged.sweep);
  const { sweep } = merged;
  process.stdout.write(`${sweep.scenario.name}: merged ${files.length} shards, ${sweep.runs.length} runs\n`);
  for (const line of sweepFileLines(outDir)) process.stdout.write(`${line}\n`);
}
