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

/**
 * The quickstart with host ports on the thumbnailer: a dynamic one (80 -> 32768...) and a fixed UDP
 * one (9000 -> 9000) that only one thumbnailer per instance can hold, so RESOURCE:PORTS failures join
 * the RESOURCE:CPU ones.
 */
export function portsQuickstartText(): string {
  const text = quickstartText();
  const anchor = '        essential: true\n  - family: report-builder';
  if (!text.includes(anchor)) throw new Error('quickstart.yaml changed: cannot add port mappings to the thumbnailer');
  return text.replace(
    anchor,
    '        essential: true\n        portMappings: [{ containerPort: 80 }, { containerPort: 9000, hostPort: 9000, protocol: udp }]\n  - family: report-builder',
  );
}
