import type { Results } from '../../src/index.js';
import { resultsFor } from './quickstart-results.js';

/**
 * A service `web` behind an ALB's default action, with Cloud Map registration and a CI/CD pipeline
 * that pushes web:2 (completes) and then web:bad, whose tasks fail their health checks (the circuit
 * breaker fails that deployment and rolls back); a second service `api` behind a path rule, scaled out.
 */
export const ALB_DEMO = `
name: alb demo
duration: 2h
cluster: { containerInstances: [{ instanceType: m5.large, count: 3 }] }
taskDefinitions:
  - { family: web, containerDefinitions: [{ name: web, image: "web:1", cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }] }] }
  - { family: api, containerDefinitions: [{ name: api, image: "api:1", cpu: 256, memory: 512, portMappings: [{ containerPort: 8080 }] }] }
services:
  - serviceName: web
    taskDefinition: web
    desiredCount: 4
    healthCheckGracePeriodSeconds: 30
    loadBalancers: [{ targetGroupArn: web-tg, containerName: web, containerPort: 80 }]
    serviceRegistries: [{ registryArn: web }]
    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } }
  - serviceName: api
    taskDefinition: api
    desiredCount: 2
    loadBalancers: [{ targetGroupArn: api-tg, containerName: api, containerPort: 8080 }]
    serviceRegistries: [{ registryArn: api }]
loadBalancing:
  loadBalancers:
    - Name: web-alb
      Type: application
      Listeners:
        - Port: 80
          DefaultActions: [{ Type: forward, TargetGroupArn: web-tg }]
          Rules: [{ Priority: 10, Conditions: [{ Field: path-pattern, Values: ["/api/*"] }], Actions: [{ Type: forward, TargetGroupArn: api-tg }] }]
  targetGroups:
    - { Name: web-tg, Port: 80, HealthCheckIntervalSeconds: 10, Attributes: [{ Key: deregistration_delay.timeout_seconds, Value: "60" }] }
    - { Name: api-tg, Port: 8080 }
serviceDiscovery:
  namespaces: [{ Name: internal.local }]
  services: [{ Name: web, Namespace: internal.local }, { Name: api, Namespace: internal.local }]
containerImages: { images: [{ image: "web:2", sizeMiB: 400 }, { image: "web:bad", sizeMiB: 400 }] }
workload:
  taskBehavior: [{ image: "web:bad", healthCheckFailureProbability: 1 }]
timeline:
  - { at: 30m, pushImage: { service: web, image: "web:2" } }
  - { at: 70m, pushImage: { service: web, image: "web:bad" } }
  - { at: 90m, updateService: { service: api, desiredCount: 4 } }
`;

/** The ALB demo through the real pipeline: loadScenario, then simulate. */
export const albDemoResults = (): Results => resultsFor(ALB_DEMO);

/** Markup where the load-balancing sections show user strings, to show the report escapes them. */
export const HOSTILE_LB = {
  targetGroup: '<img src=x onerror=alert(8)>tg',
  loadBalancer: '<b onmouseover=alert(9)>alb</b>',
  ruleValue: '/"><script>alert(10)</script>',
  image: '<img src=x onerror=alert(11)>:2',
};

/**
 * The ALB demo's Results with markup in the target group name, load balancer name, a rule's values
 * and the first pipeline's image, changed after the run, past the loader's checks.
 */
export function hostileAlbResults(): Results {
  const results = albDemoResults();
  const rename = (name: string) => (name === 'web-tg' ? HOSTILE_LB.targetGroup : name);
  const { byTargetGroup } = results.series;
  return {
    ...results,
    targetGroups: results.targetGroups.map((g) => ({ ...g, name: rename(g.name) })),
    loadBalancers: results.loadBalancers.map((lb) => ({
      ...lb,
      name: HOSTILE_LB.loadBalancer,
      listeners: lb.listeners.map((l) => ({
        ...l,
        defaultTargetGroup: rename(l.defaultTargetGroup),
        rules: l.rules.map((r) => ({ ...r, conditions: r.conditions.map((c) => ({ ...c, values: [HOSTILE_LB.ruleValue] })) })),
      })),
    })),
    pipelines: results.pipelines.map((p, i) => (i === 0 ? { ...p, image: HOSTILE_LB.image } : p)),
    series: { ...results.series, byTargetGroup: Object.fromEntries(Object.entries(byTargetGroup).map(([name, s]) => [rename(name), s])) },
  };
}
