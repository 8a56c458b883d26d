import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The text the report inlines: d3's UMD bundle, our stylesheet and our client script. */
export interface ReportAssets {
  d3: string;
  css: string;
  client: string;
  /** The comparison page's script (client-compare.js), self-contained. */
  compareClient: string;
}

let cached: ReportAssets | undefined;

/** Reads the assets once per process; the only file-system access the report makes. */
export function reportAssets(): ReportAssets {
  cached ??= { d3: readFileSync(d3MinPath(), 'utf8'), css: readOwnAsset('styles.css'), client: clientScript(), compareClient: wrap(['client-time.js', 'client-compare.js']) };
  return cached;
}

/**
 * The client script's files, in the order they are concatenated: each later one uses what the
 * earlier ones declare (client-core.js: data, time axis, shared chart helpers), client-main.js draws.
 */
export const CLIENT_FILES = ['client-time.js', 'client-core.js', 'client-cluster.js', 'client-capacity.js', 'client-scaling.js', 'client-services.js', 'client-networking.js', 'client-navigator.js', 'client-events.js', 'client-main.js'];

/** The client files as one script, in one function scope so nothing leaks into the page's globals. */
function clientScript(): string {
  return wrap(CLIENT_FILES);
}

/** Files concatenated in one function scope, so nothing leaks into the page's globals. */
function wrap(files: string[]): string {
  const parts = files.map((file) => `// ---- ${file} ----\n${readOwnAsset(file)}`);
  return `(function () {\n'use strict';\n\n${parts.join('\n')}\n})();\n`;
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * styles.css and the client-*.js files sit next to this module when it runs from report/ (tsx), and
 * two levels up (`dist/report/` -> `report/`) when it runs compiled, because tsc copies only the .ts files.
 */
function readOwnAsset(file: string): string {
  const candidates = [join(here, file), join(here, '..', '..', 'report', file)];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`ecsim report: cannot find ${file} (looked in ${candidates.join(', ')})`);
  return readFileSync(found, 'utf8');
}

/**
 * d3's `exports` map hides both `d3/package.json` and `d3/dist/*`, so walk the node_modules folders
 * Node would search for `d3` and take the first one holding the minified UMD bundle.
 */
function d3MinPath(): string {
  const require = createRequire(import.meta.url);
  const candidates = (require.resolve.paths('d3') ?? []).map((dir) => join(dir, 'd3', 'dist', 'd3.min.js'));
  try {
    candidates.push(join(dirname(require.resolve('d3')), 'd3.min.js'));
  } catch {
    // not resolvable at all: the error below lists where we looked
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`ecsim report: cannot find d3/dist/d3.min.js (is the d3 package installed?)`);
  return found;
}
