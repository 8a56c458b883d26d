import { Session } from 'node:inspector/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from '/work/main/node_modules/yaml/dist/index.js';
const { parseScenario } = await import('/work/main/dist/src/scenario/load-scenario.js');
const { simulate } = await import('/work/main/dist/src/simulate.js');
const raw = parse(readFileSync('/work/main/sims/quickstart.yaml','utf8'));
raw.duration = '840h';
const loaded = parseScenario(raw, { readFile: (p) => readFileSync('/work/main/sims/'+p,'utf8') });
for (let i = 1; i <= 3; i++) simulate(loaded.spec, { seed: i, taskRecords: 'summary' });
const s = new Session(); s.connect();
await s.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
simulate(loaded.spec, { seed: 9, taskRecords: 'summary' });
const { profile } = await s.post('HeapProfiler.stopSampling');
// aggregate self size by function+url:line
const agg = new Map(); let total = 0;
function walk(n) { const f = n.callFrame; const k = `${f.functionName||'(anon)'} ${f.url.replace(/.*dist\//,'')}:${f.lineNumber+1}`; const sz = n.selfSize; total += sz; agg.set(k, (agg.get(k)||0)+sz); n.children.forEach(walk); }
walk(profile.head);
console.log('total MB', (total/1e6).toFixed(1));
[...agg].sort((a,b)=>b[1]-a[1]).slice(0,40).forEach(([k,v])=>console.log((v/1e6).toFixed(2).padStart(8), k));
writeFileSync('/tmp/alloc.heapprofile', JSON.stringify(profile));
