import { loadScenario, simulate, type Results } from '../../src/index.js';

/**
 * A service rolled from web:1 to web:2, then to web:3, whose tasks never start: the circuit breaker
 * fails that deployment and rolls back to web:2; later the service is scaled in.
 */
export const ROLLING_DEMO = `
name: rolling demo
duration: 2h
cluster: { containerInstances: [{ instanceType: m5.large, count: 3 }] }
taskDefinitions:
  - { family: web, containerDefinitions: [{ name: web, image: "web:1", cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }] }] }
  - { family: web, containerDefinitions: [{ name: web, image: "web:2", cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }] }] }
  - { family: web, containerDefinitions: [{ name: web, image: "web:bad", cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }] }] }
services:
  - { serviceName: web, taskDefinition: "web:1", desiredCount: 6, deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } }
workload:
  taskBehavior: [{ taskDefinition: "web:3", startFailureProbability: 1, startFailureReason: "CannotPullContainerError: pull access denied" }]
timeline:
  - { at: 30m, updateService: { service: web, taskDefinition: "web:2" } }
  - { at: 60m, updateService: { service: web, taskDefinition: "web:3" } }
  - { at: 100m, updateService: { service: web, desiredCount: 3 } }
`;

/** A service name no CreateService call would accept, to show the report escapes it anyway. */
export const HOSTILE_SERVICE = '<img src=x onerror=alert(6)>"web"';

/**
 * The rolling demo through the real pipeline. With `serviceName`, the loaded scenario's service (and
 * the timeline's references to it) is renamed before simulating, past the loader's name check.
 */
export function rollingDemoResults(serviceName?: string): Results {
  const loaded = loadScenario(ROLLING_DEMO);
  if (!loaded.ok) throw new Error(`scenario does not load: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  if (serviceName === undefined) return simulate(loaded.spec);
  const spec = loaded.spec;
  return simulate({
    ...spec,
    services: spec.services.map((s) => ({ ...s, name: serviceName })),
    timeline: spec.timeline.map((a) => ('updateService' in a ? { ...a, updateService: { ...a.updateService, service: serviceName } } : a)),
  });
}
