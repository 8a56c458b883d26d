import type { Service } from '../model/service.js';
import { PHASE, type SimEvent } from './events.js';
import type { Simulation } from './simulation.js';

/**
 * When services reconcile: at most one reconcile pending per service, the earliest asked for, and
 * one queue entry for every service an instance joining or draining makes look again.
 */

/** Schedules a reconcile of the service (at most one is pending; an earlier request replaces a later one). */
export function requestReconcile(sim: Simulation, service: Service, at = sim.engine.now): void {
  const when = Math.max(at, sim.engine.now);
  const pending = service.reconcile;
  if (pending && pending.at <= when) return;
  if (pending) sim.engine.cancel(pending.handle);
  service.reconcile = { at: when, handle: sim.engine.at(when, PHASE.requests, { kind: 'ServiceReconcileDue', service: service.name }) };
}

/**
 * Every service looks again (an instance joined or started draining): those without a reconcile
 * pending at this instant get one, in one queue entry that reconciles them in order.
 */
export function reconcileAll(sim: Simulation): void {
  const { engine } = sim;
  const { services, serviceList } = sim.world;
  const names: string[] = [];
  for (let i = 0; i < serviceList.length; i++) {
    const service = serviceList[i];
    const pending = service.reconcile;
    if (pending && pending.at <= engine.now) continue;
    if (pending) engine.cancel(pending.handle);
    names.push(service.name);
  }
  if (names.length === 0) return;
  // One pending record for them all (records are replaced, never changed).
  const pending = { at: engine.now, handle: engine.at(engine.now, PHASE.requests, { kind: 'ServicesReconcileDue', services: names, next: 0 }) };
  for (const name of names) services.get(name)!.reconcile = pending;
}

/**
 * Reconciles the batch's services in order (`reconcile` is the scheduler's loop); an event one of them
 * schedules before the rest fires first, as it would between separate events.
 */
export function reconcileBatch(sim: Simulation, event: Extract<SimEvent, { kind: 'ServicesReconcileDue' }>, reconcile: (service: Service) => void): void {
  const { engine } = sim;
  let handled = 0;
  while (event.next < event.services.length) {
    if (handled > 0 && engine.earlierEventWaiting) return engine.yieldBatch(event, handled);
    reconcile(sim.world.services.get(event.services[event.next++])!);
    handled++;
  }
  engine.countBatch(handled);
}
