import { createHash } from 'node:crypto';
import { Engine, type Handlers } from '../src/engine/engine.js';
import type { ContainerInstance } from '../src/model/container-instance.js';
import { builtInAttributes, registeredContainerInstance } from '../src/model/container-instance.js';
import { DEFAULT_DYNAMIC_PORT_RANGE, DEFAULT_RESERVED_TCP_PORTS, newHostPorts, type Claim } from '../src/model/ports.js';
import type { NetworkNeeds } from '../src/model/task-definition.js';
import { claim, release } from '../src/placement/claim.js';
import { chooseInstance } from '../src/placement/choose-instance.js';
import { newPlacementState } from '../src/placement/placement-state.js';
import type { PlacementRequest } from '../src/placement/placement-request.js';

/** One line of the W2 trace: arrival and lifetime in seconds, CPU units, MiB, whether it needs static port 8080. */
export interface TraceTask {
  arrival: number;
  lifetime: number;
  cpu: number;
  memory: number;
  staticPort: boolean;
}

export function parseTrace(text: string): TraceTask[] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const [arrival, lifetime, cpu, memory, port] = line.split(',');
      return { arrival: Number(arrival), lifetime: Number(lifetime), cpu: Number(cpu), memory: Number(memory), staticPort: port === '1' };
    });
}

type W2Event = { kind: 'TaskArrived'; idx: number } | { kind: 'TaskFinished'; idx: number };

const STATIC: NetworkNeeds = { staticPorts: [{ container: 'app', containerPort: 8080, hostPort: 8080, protocol: 'tcp' }], dynamicPorts: [], eni: false };
const DYNAMIC: NetworkNeeds = { staticPorts: [], dynamicPorts: [{ container: 'app', containerPort: 8080, count: 1, protocol: 'tcp' }], eni: false };
/** Trace times are float seconds; the kernel takes integers, so W2 runs in nanoseconds (no ties reorder). */
const NS = 1e9;

/**
 * W2 through ecsim's own placement (binpack(memory), lowest index on ties), accounting and port code,
 * with the oracle's queueing rule: a strict FIFO pending queue, drained after every stop.
 * Returns the first 16 hex digits of sha256 over `idx:host:hostPort;` in placement order.
 */
export function runW2(trace: TraceTask[], hosts: number): { hash: string; seconds: number; placed: number } {
  const instances: ContainerInstance[] = Array.from({ length: hosts }, (_, index) =>
    registeredContainerInstance({
      index,
      id: `i-${index}`,
      instanceType: 'w2.host',
      availabilityZone: 'us-east-1a',
      attributes: builtInAttributes('w2.host', 'us-east-1a', 'x86_64'),
      status: 'ACTIVE',
      agentConnected: true,
      agentVersion: '1.89.0',
      registeredAt: 0,
      registered: { cpuUnits: 8192, memoryMiB: 16384 },
      ports: { tcp: newHostPorts(DEFAULT_RESERVED_TCP_PORTS), udp: newHostPorts([]) },
      dynamicPortRange: DEFAULT_DYNAMIC_PORT_RANGE,
      eniLimit: 2,
      imagePullBehavior: 'default',
      launchedAt: 0,
      purchaseOption: 'on-demand',
    }),
  );

  const state = newPlacementState(instances, { startEpochMs: 0 });
  const requests: PlacementRequest[] = trace.map((t) => ({
    group: 'family:w2',
    need: { cpuUnits: t.cpu, memoryMiB: t.memory },
    network: t.staticPort ? STATIC : DYNAMIC,
    constraints: [],
    strategies: [{ type: 'binpack', field: 'memory' }],
  }));
  const held: { instance: ContainerInstance; claim: Claim }[] = new Array(trace.length);
  const pending: number[] = [];
  let head = 0;
  let placed = 0;
  const hash = createHash('sha256');
  const engine = new Engine<W2Event>();

  const tryPlace = (idx: number): boolean => {
    // The choice alone: a task that waits in the queue needs no failure explanation.
    const instance = chooseInstance(requests[idx], state, 0);
    if (!instance) return false;
    const c = claim(state, instance, 'family:w2', requests[idx].need, requests[idx].network);
    held[idx] = { instance, claim: c };
    hash.update(`${idx}:${instance.index}:${c.bindings[0].hostPort};`);
    placed++;
    engine.after(Math.round(trace[idx].lifetime * NS), 0, { kind: 'TaskFinished', idx });
    return true;
  };

  engine.setHandlers({
    TaskArrived: ({ idx }) => {
      if (head < pending.length || !tryPlace(idx)) pending.push(idx);
    },
    TaskFinished: ({ idx }) => {
      release(state, held[idx].instance, held[idx].claim);
      while (head < pending.length && tryPlace(pending[head])) head++;
    },
  } satisfies Handlers<W2Event>);
  trace.forEach((t, idx) => engine.at(Math.round(t.arrival * NS), 0, { kind: 'TaskArrived', idx }));

  const t0 = process.hrtime.bigint();
  engine.run({ until: Infinity });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { hash: hash.digest('hex').slice(0, 16), seconds, placed };
}
