import { Worker } from 'node:worker_threads';
import { planSweep } from '/work/main/dist/src/cli/sweep-plan.js';
const dur = process.argv[2] ?? '840h';
const plan = planSweep('/work/main/sims/quickstart.yaml', { seeds: '1..20', set: ['duration=' + dur] }, {});
function sweep(n) {
  return new Promise((res) => {
    let next = 0, done = 0; const stats = [];
    const ws = [];
    for (let i = 0; i < n; i++) {
      const w = new Worker('/tmp/exp/worker.mjs', { workerData: plan.setup }); ws.push(w);
      w.on('message', (m) => { stats.push({ w: i, ...m.stat }); done++; if (done === plan.cells.length) { ws.forEach((x) => x.terminate()); res(stats); } else if (next < plan.cells.length) w.postMessage(plan.cells[next++]); });
      w.postMessage(plan.cells[next++]);
    }
  });
}
for (let r = 0; r < 3; r++) for (const n of [1, 2]) {
  const c = process.cpuUsage(); const t = performance.now();
  const stats = await sweep(n);
  const wall = (performance.now() - t) / 1000; const u = process.cpuUsage(c);
  const by = (i) => stats.filter((s) => s.w === i);
  const line = [...Array(n).keys()].map((i) => { const s = by(i); const sum = (k) => s.reduce((a, x) => a + x[k], 0) / 1000; return `w${i}: runs ${s.length} load ${sum('load').toFixed(2)} wall ${sum('wall').toFixed(2)} cpu ${sum('cpu').toFixed(2)} first ${(s[0].wall/1000).toFixed(2)} steady-median ${(s.map(x=>x.wall).sort((a,b)=>a-b)[Math.floor(s.length/2)]/1000).toFixed(3)}`; }).join(' | ');
  console.log(`${n}w wall ${wall.toFixed(2)} proc-cpu ${((u.user+u.system)/1e6).toFixed(2)}  ${line}`);
}
