import fc from 'fast-check';
import type { NetworkNeeds } from '../../src/model/task-definition.js';
import { claim } from '../../src/placement/claim.js';
import type { PlacementState } from '../../src/placement/placement-state.js';
import type { PlacementRequest } from '../../src/placement/placement-request.js';
import { cluster, instance, memberOf, strategy } from './builders.js';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const GROUPS = ['family:web', 'family:batch', 'service:api'];
const EXPRESSIONS = [
  'attribute:team == blue',
  'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]',
  'not(task:group == family:batch)',
  'attribute:ecs.instance-type =~ m5.*',
  'runningTasksCount < 3 or attribute:team exists',
];
const STRATEGIES = ['binpack:cpu', 'binpack:memory', 'spread:attribute:ecs.availability-zone', 'spread:instanceId', 'spread:attribute:team', 'random'];

const network = fc.constantFrom<NetworkNeeds>(
  { staticPorts: [], dynamicPorts: [], eni: false },
  { staticPorts: [{ container: 'web', containerPort: 80, hostPort: 8080, protocol: 'tcp' }], dynamicPorts: [], eni: false },
  { staticPorts: [], dynamicPorts: [{ container: 'web', containerPort: 80, count: 1, protocol: 'tcp' }], eni: false },
  { staticPorts: [], dynamicPorts: [], eni: true },
);

export const requestArbitrary: fc.Arbitrary<PlacementRequest> = fc.record({
  group: fc.constantFrom(...GROUPS),
  need: fc.record({ cpuUnits: fc.integer({ min: 0, max: 2048 }), memoryMiB: fc.integer({ min: 0, max: 6000 }) }),
  network,
  constraints: fc.array(
    fc.oneof(fc.constant({ type: 'distinctInstance' as const }), fc.constantFrom(...EXPRESSIONS).map(memberOf)),
    { maxLength: 2 },
  ),
  strategies: fc.array(fc.constantFrom(...STRATEGIES), { maxLength: 3 }).map((list) => list.map(strategy)),
});

const instanceArbitrary = fc.record({
  cpu: fc.constantFrom(1024, 2048, 4096),
  memory: fc.constantFrom(2048, 4096, 8192),
  az: fc.constantFrom(...AZS),
  type: fc.constantFrom('m5.large', 'c5.large', 't3.medium'),
  team: fc.constantFrom('blue', 'green', undefined),
});

/** A cluster of 1-40 instances with some tasks already placed on it (through the real claim code). */
export const stateArbitrary: fc.Arbitrary<PlacementState> = fc
  .tuple(
    fc.array(instanceArbitrary, { minLength: 1, maxLength: 40 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...GROUPS), fc.integer({ min: 0, max: 1024 }), fc.integer({ min: 0, max: 2048 }), network), { maxLength: 60 }),
    fc.array(fc.nat(), { maxLength: 3 }),
  )
  .map(([specs, tasks, disconnected]) => {
    const state = cluster(
      ...specs.map((s) => instance(`${s.cpu}/${s.memory}`, { az: s.az, type: s.type, attributes: s.team ? { team: s.team } : {} })),
    );
    for (const d of disconnected) state.instances[d % state.instances.length].agentConnected = false;
    for (const [at, group, cpu, memory, net] of tasks) {
      const target = state.instances[at % state.instances.length];
      const fitsPorts = net.staticPorts.every((p) => !target.ports.tcp.bound.has(p.hostPort)) && (!net.eni || target.enisInUse < target.eniLimit);
      if (target.remaining.cpuUnits >= cpu && target.remaining.memoryMiB >= memory && fitsPorts) claim(state, target, group, { cpuUnits: cpu, memoryMiB: memory }, net);
    }
    return state;
  });
