import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes every file or none: each goes to a temporary name first and is renamed into place only once
 * all have been written, so a failure never leaves half an output behind.
 */
export function writeAll(files: { path: string; content: string }[]): void {
  const staged: { tmp: string; path: string }[] = [];
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    const tmp = join(dirname(file.path), `.${process.pid}.tmp-${staged.length}`);
    writeFileSync(tmp, file.content);
    staged.push({ tmp, path: file.path });
  }
  for (const { tmp, path } of staged) renameSync(tmp, path);
}
