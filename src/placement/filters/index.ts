import type { ContainerInstance } from '../../model/container-instance.js';
import { distinctInstance } from '../constraints/distinct-instance.js';
import { memberOf } from '../constraints/member-of.js';
import type { QueryContext } from '../query-language/evaluate.js';
import type { PlacementRequest, Rejection } from '../placement-request.js';
import { agentConnected } from './agent.js';
import { eniFit } from './eni.js';
import { portFit } from './ports.js';
import { cpuFit, memoryFit } from './resources.js';

/** The resource filters, in the order ECS documents: CPU, memory, ports, ENIs (then the constraints). */
export const RESOURCE_FILTERS = [agentConnected, cpuFit, memoryFit, portFit, eniFit] as const;

/** The first reason `instance` cannot take the task, or undefined when it can. */
export function firstRejection(request: PlacementRequest, instance: ContainerInstance, ctx: QueryContext): Rejection | undefined {
  for (const filter of RESOURCE_FILTERS) {
    const rejection = filter(request, instance);
    if (rejection) return rejection;
  }
  return constraintRejection(request, instance, ctx);
}

/** Every reason, for explaining a failure (resource filters, then constraints). */
export function allRejections(request: PlacementRequest, instance: ContainerInstance, ctx: QueryContext): Rejection[] {
  const out: Rejection[] = [];
  for (const filter of RESOURCE_FILTERS) {
    const rejection = filter(request, instance);
    if (rejection) out.push(rejection);
  }
  for (const c of request.constraints) {
    const rejection = c.type === 'distinctInstance' ? distinctInstance(request, instance) : memberOf(c.parsed, instance, ctx);
    if (rejection) out.push(rejection);
  }
  return out;
}

function constraintRejection(request: PlacementRequest, instance: ContainerInstance, ctx: QueryContext): Rejection | undefined {
  for (const c of request.constraints) {
    const rejection = c.type === 'distinctInstance' ? distinctInstance(request, instance) : memberOf(c.parsed, instance, ctx);
    if (rejection) return rejection;
  }
  return undefined;
}
