import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate.js';
import { problems, spec } from '../builders.js';
import { asgScenario } from './builders.js';

const service = (desiredCount: number) => ({ serviceName: 'web', taskDefinition: 'job', desiredCount });
const run = (s: object) => simulate(spec(s), { check: true });

describe('faults', () => {
  const three = (extra: Record<string, unknown>) => {
    const s = asgScenario({ services: [service(6)], asg: { minSize: 6, desiredCapacity: 6 }, duration: '2h', ...extra });
    s.cluster.availabilityZones = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
    return s;
  };

  it('an AZ outage: its instances and tasks are lost, the group replaces them in the other AZs, the service recovers', () => {
    const s = { ...three({}), timeline: [{ at: '30m', azOutage: { availabilityZone: 'us-east-1a', duration: '1h' } }] };
    const r = run(s);
    expect(r.faults).toHaveLength(1);
    const [outage] = r.faults;
    expect(outage).toMatchObject({ at: 1_800_000, kind: 'AZ outage', target: 'us-east-1a', tasksStopped: 2 });
    expect(outage.recoveredAt).toBeGreaterThan(outage.at);
    expect(outage.recoveredAt! - outage.at).toBeLessThan(10 * 60_000);
    // During the outage nothing runs in us-east-1a.
    const during = r.tasks.filter((t) => t.createdAt > 1_800_000 && t.createdAt < 5_400_000);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((t) => t.availabilityZone !== 'us-east-1a')).toBe(true);
    expect(r.instances.filter((i) => i.availabilityZone === 'us-east-1a' && i.terminatedAt === 1_800_000)).toHaveLength(2);
  });

  it('instance failures: the tasks stop and are replaced, the group relaunches', () => {
    const r = run({ ...three({}), timeline: [{ at: '20m', instanceFailure: { count: 2 } }] });
    expect(r.faults.map((f) => f.kind)).toEqual(['instance failure', 'instance failure']);
    expect(r.services[0].runningCount).toBe(6);
    expect(r.series.byCapacityProvider.asg.instances.at(-1)).toBe(6);
  });

  it('a disconnected agent keeps its tasks but takes no new ones', () => {
    const s = asgScenario({ services: [service(2)], asg: { minSize: 1, desiredCapacity: 1 }, managedScaling: { status: 'DISABLED' }, provider: { managedTerminationProtection: 'DISABLED' }, duration: '1h' });
    const r = run({
      ...s,
      timeline: [
        { at: '10m', agentDisconnect: { count: 1, duration: '20m' } },
        { at: '15m', updateService: { service: 'web', desiredCount: 3 } },
      ],
    });
    // While disconnected (10m-30m) the third task cannot be placed; the two keep running.
    expect(r.series.byService.web.running[20]).toBe(2);
    expect(r.serviceEvents.some((e) => e.message.includes('encountered error "AGENT"'))).toBe(true);
  });

  it('the hazard rate fails instances at random', () => {
    const r = run(three({ simulation: { capacity: { instanceFailuresPerInstanceHour: 1 } } }));
    expect(r.faults.length).toBeGreaterThan(3);
  });

  it('an outage of an AZ the cluster does not have is rejected', () => {
    expect(problems({ ...three({}), timeline: [{ at: '1m', azOutage: { availabilityZone: 'us-west-2a', duration: '1h' } }] })).toEqual([
      'timeline[0].azOutage.availabilityZone: expected one of the cluster\'s availabilityZones (us-east-1a, us-east-1b, us-east-1c), got "us-west-2a"',
    ]);
  });
});

describe('EC2 Spot interruptions', () => {
  it('a reclaim drains the Spot instances, moves the service tasks, terminates them after two minutes, and the group replaces them', () => {
    const tight = run({
      ...asgScenario({ services: [service(6)], asg: { minSize: 4, desiredCapacity: 4, purchase: 'spot' }, duration: '1h' }),
      timeline: [{ at: '20m', ec2SpotInterruption: { capacityProvider: 'asg', fraction: 0.5 } }],
    });
    // With no room elsewhere, replacements wait for new instances and the two minutes run out first.
    expect(tight.tasks.filter((t) => t.stopCode === 'TerminationNotice').length).toBeGreaterThan(0);
    expect(tight.services[0].runningCount).toBe(6);

    // Six instances, one task each: the drained instances' tasks fit on the others within the two minutes.
    const s = asgScenario({ services: [service(6)], asg: { minSize: 6, desiredCapacity: 6, purchase: 'spot' }, duration: '1h' });
    const r = run({ ...s, timeline: [{ at: '20m', ec2SpotInterruption: { capacityProvider: 'asg', fraction: 0.5 } }] });
    const interrupted = r.faults.filter((f) => f.kind === 'EC2 Spot interruption');
    expect(interrupted).toHaveLength(3);
    for (const f of interrupted) expect(r.instances.find((i) => i.id === f.target)!.terminatedAt).toBe(f.at + 120_000);
    // Draining moved the tasks before the instances went: none was killed with its host.
    expect(r.tasks.filter((t) => t.stopCode === 'TerminationNotice')).toHaveLength(0);
    expect(r.services[0].runningCount).toBe(6);
    expect(r.series.byCapacityProvider.asg.instances.at(-1)).toBe(6);
    expect(r.instances.every((i) => i.purchaseOption === 'spot')).toBe(true);
  });

  it('Spot instances cost the discounted price', () => {
    const onDemand = run(asgScenario({ asg: { minSize: 2, desiredCapacity: 2 }, duration: '1h' }));
    const spot = run(asgScenario({ asg: { minSize: 2, desiredCapacity: 2, purchase: 'spot' }, duration: '1h' }));
    expect(spot.cost.totalUsd).toBeCloseTo(onDemand.cost.totalUsd * 0.4, 6);
    expect(spot.cost.byPurchaseOption).toEqual({ spot: spot.cost.totalUsd });
  });
});
