import { readFileSync } from 'node:fs';
import { parse } from '/work/main/node_modules/yaml/dist/index.js';
const { parseScenario } = await import('/work/main/dist/src/scenario/load-scenario.js');
const { simulate } = await import('/work/main/dist/src/simulate.js');
const raw = parse(readFileSync('/work/main/sims/quickstart.yaml','utf8'));
raw.duration = '840h';
const loaded = parseScenario(raw, { readFile: (p) => readFileSync('/work/main/sims/'+p,'utf8') });
if (!loaded.ok) { console.log(loaded.errors); process.exit(1); }
const n = Number(process.argv[2] ?? 5);
for (let i = 1; i <= n; i++) {
  const t = performance.now();
  const r = simulate(loaded.spec, { seed: i, taskRecords: 'summary' });
  console.log(i, ((performance.now()-t)/1000).toFixed(3), r.summary.eventsFired ?? '');
}
const u = process.resourceUsage(); console.log('cpu user+sys s', ((u.userCPUTime+u.systemCPUTime)/1e6).toFixed(2), 'wall', (performance.now()/1000).toFixed(2));
