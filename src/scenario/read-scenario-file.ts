import type { ParseContext } from './schema/index.js';

/** Reads a file a scenario names (an AWS input, a trace), by the path written in the scenario. */
export type ReadFile = (path: string) => string;

/** The text of a file a scenario names (an AWS input, a trace), or undefined after an error at `path` saying why it cannot be read. */
export function readScenarioFile(file: string, path: string, ctx: ParseContext, readFile: ReadFile | undefined): string | undefined {
  if (!readFile) {
    ctx.error(path, 'a file the scenario names needs a file reader: run the scenario with the CLI, or pass readFile to loadScenario');
    return undefined;
  }
  try {
    return readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    ctx.error(path, `cannot read "${file}" (${code === 'ENOENT' ? 'no such file' : code ?? String(error)})`);
    return undefined;
  }
}
