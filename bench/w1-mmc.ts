import { Engine, RandomStream, type Handlers } from '../src/engine/index.js';

/** W1: an M/M/c queue (c servers, arrival rate lambda/s, service rate mu/s) on ecsim's kernel. */
type MmcEvent = { kind: 'JobArrived' } | { kind: 'JobDeparted' };

export interface MmcResult {
  jobs: number;
  modelEvents: number;
  seconds: number;
  modelEventsPerSec: number;
  meanWaitSeconds: number;
}

export function runMmc(jobs: number, servers = 10, lambda = 9, mu = 1, seed = 42): MmcResult {
  const engine = new Engine<MmcEvent>();
  const random = new RandomStream(seed);
  const arrivals = random.fork('arrivals');
  const service = random.fork('service');
  const meanGapMs = 1000 / lambda;
  const meanServiceMs = 1000 / mu;
  const waiting: number[] = [];
  let head = 0;
  let busy = 0;
  let arrived = 0;
  let waitSumMs = 0;
  const ARRIVAL = 0;
  const DEPARTURE = 0;
  const arrivedEvent: MmcEvent = { kind: 'JobArrived' };
  const departedEvent: MmcEvent = { kind: 'JobDeparted' };
  const startService = () => engine.after(Math.round(service.exponential(meanServiceMs)), DEPARTURE, departedEvent);

  engine.setHandlers({
    JobArrived: () => {
      arrived++;
      if (arrived < jobs) engine.after(Math.round(arrivals.exponential(meanGapMs)), ARRIVAL, arrivedEvent);
      if (busy < servers) {
        busy++;
        startService();
      } else {
        waiting.push(engine.now);
      }
    },
    JobDeparted: () => {
      if (head < waiting.length) {
        waitSumMs += engine.now - waiting[head++];
        startService();
      } else {
        busy--;
      }
    },
  } satisfies Handlers<MmcEvent>);

  engine.after(Math.round(arrivals.exponential(meanGapMs)), ARRIVAL, arrivedEvent);
  const t0 = process.hrtime.bigint();
  const outcome = engine.run({ until: Infinity });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const modelEvents = 2 * jobs;
  if (outcome.eventsFired !== modelEvents) throw new Error(`W1 fired ${outcome.eventsFired} events, expected ${modelEvents}`);
  return { jobs, modelEvents, seconds, modelEventsPerSec: modelEvents / seconds, meanWaitSeconds: waitSumMs / jobs / 1000 };
}
