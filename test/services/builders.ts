import { simulate } from '../../src/simulate.js';
import { spec } from '../builders.js';

/** A web task definition; revisions 1.. are registered by listing it several times. */
export const web = (image = 'web:1', cpu = 512) => ({
  family: 'web',
  containerDefinitions: [{ name: 'web', image, cpu, memory: 512, portMappings: [{ containerPort: 80 }] }],
});

/** A scenario with one service on `instances` m5.large (2048 CPU units each). */
export function serviceScenario(options: {
  instances?: number;
  service?: Record<string, unknown>;
  taskDefinitions?: object[];
  timeline?: object[];
  taskBehavior?: object[];
  duration?: string;
  simulation?: object;
}) {
  return {
    name: 'service test',
    duration: options.duration ?? '2h',
    cluster: { availabilityZones: ['us-east-1a', 'us-east-1b'], containerInstances: [{ instanceType: 'm5.large', count: options.instances ?? 4 }] },
    taskDefinitions: options.taskDefinitions ?? [web('web:1'), web('web:2')],
    services: [{ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 4, ...options.service }],
    workload: { taskBehavior: options.taskBehavior ?? [] },
    timeline: options.timeline ?? [],
    ...(options.simulation ? { simulation: options.simulation } : {}),
  };
}

export const run = (scenario: object, options: Parameters<typeof simulate>[1] = {}) => simulate(spec(scenario), { check: true, ...options });

/** The service events after `from` ms, as "started N" / "stopped N" steps and other messages. */
export function steps(results: ReturnType<typeof run>, from = 0): string[] {
  return results.serviceEvents
    .filter((e) => e.at >= from)
    .map((e) => {
      const started = /has started (\d+) tasks?/.exec(e.message);
      const stopped = /has stopped (\d+) running tasks?/.exec(e.message);
      if (started) return `start ${started[1]}`;
      if (stopped) return `stop ${stopped[1]}`;
      return e.message.replace(/^\(service web\) /, '');
    });
}
