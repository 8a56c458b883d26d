import type { ContainerInstance } from '../../model/container-instance.js';
import type { Rejection } from '../placement-request.js';

/** ECS rejects instances whose agent is disconnected rather than wait on them (DG API failure reasons: AGENT). */
export function agentConnected(_request: unknown, instance: ContainerInstance): Rejection | undefined {
  return instance.agentConnected ? undefined : { reason: 'AGENT', shortfall: 1, message: 'encountered error "AGENT"' };
}
