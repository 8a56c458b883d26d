import fc from 'fast-check';

/** Small random scenarios (as scenario-file objects) covering instances, task definitions and RunTask sources. */
const instanceGroup = fc.record({
  instanceType: fc.constantFrom('t3.small', 't3.medium', 'm5.large', 'c5.large', 'r5.large', 'm5.xlarge'),
  count: fc.integer({ min: 1, max: 4 }),
});

type Mapping = { containerPort: number; hostPort?: number; protocol?: string };
const portMappings = fc.constantFrom<Mapping[]>([], [{ containerPort: 80 }], [{ containerPort: 80, hostPort: 8080 }], [{ containerPort: 53, protocol: 'udp' }, { containerPort: 80 }]);

const taskDefinition = (family: string) =>
  fc
    .record({
      networkMode: fc.constantFrom('bridge', 'bridge', 'awsvpc', 'host'),
      cpu: fc.integer({ min: 0, max: 1024 }),
      memory: fc.integer({ min: 6, max: 3000 }),
      portMappings,
    })
    .map(({ networkMode, cpu, memory, portMappings: ports }) => ({
      family,
      networkMode,
      // host mode binds the container port itself; awsvpc takes no host ports.
      containerDefinitions: [{ name: 'main', image: 'busybox', cpu, memory, portMappings: networkMode === 'bridge' ? ports : ports.map((p) => ({ ...p, hostPort: undefined })) }],
    }));

const strategies = fc.array(
  fc.constantFrom(
    { type: 'binpack', field: 'memory' },
    { type: 'binpack', field: 'cpu' },
    { type: 'spread', field: 'attribute:ecs.availability-zone' },
    { type: 'spread', field: 'instanceId' },
    { type: 'random' },
  ),
  { maxLength: 3 },
);
const constraints = fc.array(
  fc.constantFrom(
    { type: 'distinctInstance' },
    { type: 'memberOf', expression: 'attribute:ecs.instance-type =~ (m5|c5).*' },
    { type: 'memberOf', expression: 'not(task:group == family:fam0)' },
  ),
  { maxLength: 2 },
);

const durationText = (minMs: number, maxMs: number) => fc.integer({ min: minMs, max: maxMs }).map((ms) => `${ms}ms`);

const distribution = fc.oneof(
  durationText(0, 3_600_000),
  fc.record({ dist: fc.constant('exponential'), mean: durationText(1_000, 1_800_000) }),
  durationText(0, 600_000).chain((min) => fc.record({ dist: fc.constant('uniform'), min: fc.constant(min), max: durationText(600_000, 1_200_000) })),
  fc.record({ dist: fc.constant('lognormal'), mean: durationText(1_000, 600_000), stddev: durationText(0, 300_000) }),
);

const arrivals = fc.oneof(
  fc.record({ process: fc.constant('poisson'), ratePerMinute: fc.double({ min: 0.05, max: 2, noNaN: true }) }),
  fc.record({ process: fc.constant('fixed'), every: durationText(10_000, 1_800_000) }),
  fc.record({ process: fc.constant('explicit'), at: fc.array(durationText(0, 7_200_000), { minLength: 1, maxLength: 5 }) }),
);

const runTask = (i: number, families: string[]) =>
  fc.record({
    name: fc.constant(`source-${i}`),
    taskDefinition: fc.constantFrom(...families),
    count: fc.integer({ min: 1, max: 10 }),
    placementStrategy: strategies,
    placementConstraints: constraints,
    arrivals,
    duration: distribution,
  });

export const scenarioArbitrary = fc
  .record({
    families: fc.integer({ min: 1, max: 3 }),
    sources: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ families, sources }) => {
    const names = Array.from({ length: families }, (_, i) => `fam${i}`);
    return fc.record({
      name: fc.constant('generated'),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      duration: fc.constantFrom('30m', '1h', '2h'),
      cluster: fc.record({
        availabilityZones: fc.constant(['us-east-1a', 'us-east-1b']),
        containerInstances: fc.array(instanceGroup, { minLength: 1, maxLength: 3 }),
      }),
      taskDefinitions: fc.tuple(...names.map(taskDefinition)),
      workload: fc.record({ runTasks: fc.tuple(...Array.from({ length: sources }, (_, i) => runTask(i, names))) }),
      simulation: fc.record({
        taskStateDurations: fc.record({ pending: distribution, stopping: durationText(0, 30_000) }),
      }),
    });
  });
