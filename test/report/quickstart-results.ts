import { readFileSync } from 'node:fs';
import { loadScenario, simulate, type Results } from '../../src/index.js';

/** The quickstart scenario's text, as a user would have it on disk. */
export const quickstartText = (): string => readFileSync('sims/quickstart.yaml', 'utf8');

/** Runs scenario text through the real pipeline: load, validate, simulate. */
export function resultsFor(text: string): Results {
  const loaded = loadScenario(text);
  if (!loaded.ok) throw new Error(`scenario does not load: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return simulate(loaded.spec);
}

/**
 * The quickstart with markup in every user string the report shows: scenario name and description,
 * a RunTask source, a task group and a custom instance attribute.
 */
export function hostileQuickstartText(): string {
  return quickstartText()
    .replace('name: quickstart batch cluster', `name: '${HOSTILE.name}'`)
    .replace(/^description: .*$/m, `description: '${HOSTILE.description}'`)
    .replace('- name: nightly reports', `- name: '${HOSTILE.source}'\n      group: '${HOSTILE.group}'`)
    .replace('- { instanceType: m5.large, count: 3 }', `- { instanceType: m5.large, count: 3, attributes: { team: '${HOSTILE.attribute}' } }`);
}

export const HOSTILE = {
  name: '<img src=x onerror=alert(1)>',
  description: '</script><script>alert(2)</script> & "quotes"',
  source: '<script>alert(3)</script> reports',
  group: '<script>alert(4)</script>',
  attribute: '<b onmouseover=alert(5)>bold</b>',
};
