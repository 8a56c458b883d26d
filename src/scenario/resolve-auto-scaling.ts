import { toRequestRate } from './auto-scaling-schema.js';
import type { ScenarioFile } from './scenario-schema.js';
import type { ServiceAutoScalingSpec, ServiceLoadSpec } from './scenario-spec.js';
import type { ParseContext } from './schema/index.js';

/** Service load and auto scaling name REPLICA services of the scenario; one scalable target per service. */
export function resolveAutoScaling(file: ScenarioFile, ctx: ParseContext): { serviceLoad: ServiceLoadSpec[]; serviceAutoScaling: ServiceAutoScalingSpec[] } {
  const replicas = new Set(file.services.filter((s) => s.schedulingStrategy !== 'DAEMON').map((s) => s.serviceName));
  const known = (name: string, path: string) => {
    if (replicas.has(name)) return true;
    const daemon = file.services.some((s) => s.serviceName === name);
    ctx.error(path, daemon ? `service "${name}" uses the DAEMON scheduling strategy: its tasks follow the instances, not a desired count` : `unknown service "${name}" (services: ${[...replicas].join(', ') || 'none'})`);
    return false;
  };
  const serviceLoad = file.workload.serviceLoad.filter((l, i) => known(l.service, `workload.serviceLoad[${i}].service`)).map((l) => ({ ...l, rate: toRequestRate(l.rate) }));
  const seen = new Set<string>();
  const serviceAutoScaling = file.serviceAutoScaling.filter((t, i) => {
    if (!known(t.service, `serviceAutoScaling[${i}].service`)) return false;
    if (seen.has(t.service)) ctx.error(`serviceAutoScaling[${i}].service`, `service "${t.service}" already has a scalable target`);
    seen.add(t.service);
    return true;
  });
  return { serviceLoad, serviceAutoScaling };
}
