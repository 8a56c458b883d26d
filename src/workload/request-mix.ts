import { routeRequest, type Listener } from '../model/load-balancing.js';

/**
 * Where a listener sends a mix of requests: each target group's share of them. Every kind of request
 * in the mix (a host header and a path) goes where the listener's rules send it (ELBv2 listener rules:
 * priority order, else the default action), in proportion to its weight.
 */
export function targetGroupShares(listener: Listener, mix: readonly { host?: string; path: string; weight: number }[]): Map<string, number> {
  const total = mix.reduce((sum, m) => sum + m.weight, 0);
  const shares = new Map<string, number>();
  for (const request of mix) {
    const group = routeRequest(listener, { host: request.host, path: request.path });
    shares.set(group, (shares.get(group) ?? 0) + request.weight / total);
  }
  return shares;
}
