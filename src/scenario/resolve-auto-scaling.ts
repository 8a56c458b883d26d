import { azureTraceTimes, perMinuteRate } from '../workload/trace-rate.js';
import { toRequestRate } from './auto-scaling-schema.js';
import type { ScenarioFile } from './scenario-schema.js';
import type { ServiceAutoScalingSpec, ServiceLoadSpec } from './scenario-spec.js';
import type { ParseContext } from './schema/index.js';

/** Reads a file a scenario names (a request trace), by the path written in the scenario. */
export type ReadFile = (path: string) => string;

/** Service load and auto scaling name REPLICA services of the scenario; one scalable target per service. */
export function resolveAutoScaling(file: ScenarioFile, ctx: ParseContext, readFile?: ReadFile): { serviceLoad: ServiceLoadSpec[]; serviceAutoScaling: ServiceAutoScalingSpec[] } {
  const replicas = new Set(file.services.filter((s) => s.schedulingStrategy !== 'DAEMON').map((s) => s.serviceName));
  const known = (name: string, path: string) => {
    if (replicas.has(name)) return true;
    const daemon = file.services.some((s) => s.serviceName === name);
    ctx.error(path, daemon ? `service "${name}" uses the DAEMON scheduling strategy: its tasks follow the instances, not a desired count` : `unknown service "${name}" (services: ${[...replicas].join(', ') || 'none'})`);
    return false;
  };
  const serviceLoad = file.workload.serviceLoad.flatMap((l, i) => {
    if (!known(l.service, `workload.serviceLoad[${i}].service`)) return [];
    return [{ ...l, rate: toRequestRate(l.rate, () => readTrace(l.rate as { file: string }, `workload.serviceLoad[${i}].rate.file`, ctx, readFile)) }];
  });
  const seen = new Set<string>();
  const serviceAutoScaling = file.serviceAutoScaling.filter((t, i) => {
    if (!known(t.service, `serviceAutoScaling[${i}].service`)) return false;
    if (seen.has(t.service)) ctx.error(`serviceAutoScaling[${i}].service`, `service "${t.service}" already has a scalable target`);
    seen.add(t.service);
    return true;
  });
  return { serviceLoad, serviceAutoScaling };
}

/** A request trace as requests per second per minute; a file that cannot be read or parsed is an error at `path`. */
function readTrace(rate: { file: string }, path: string, ctx: ParseContext, readFile: ReadFile | undefined): number[] {
  if (!readFile) {
    ctx.error(path, 'a trace file needs a file reader: run the scenario with the CLI, or pass readFile to loadScenario');
    return [];
  }
  let text: string;
  try {
    text = readFile(rate.file);
  } catch (error) {
    ctx.error(path, `cannot read "${rate.file}" (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return [];
  }
  const times = azureTraceTimes(text);
  if (!Array.isArray(times)) {
    ctx.error(path, `${rate.file} line ${times.line}: ${times.problem}`);
    return [];
  }
  return perMinuteRate(times);
}
