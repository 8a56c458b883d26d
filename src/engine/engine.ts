import { EventQueue, type EventHandle } from './event-queue.js';
import type { Millis } from './time.js';

/** Every event is plain data with a `kind` naming what happened (past tense) or what is due. */
export interface EventData {
  readonly kind: string;
}

/** One handler per event kind; a missing kind is a compile error (`satisfies Handlers<MyEvents>`). */
export type Handlers<E extends EventData> = {
  [K in E['kind']]: (event: Extract<E, { kind: K }>) => void;
};

export interface RunOptions<E> {
  /** Fire events due at or before this time, then stop with the clock at `until`. */
  until: Millis;
  /** Stop with `stoppedBy: 'max-events'` once this many events have fired in total. */
  maxEvents?: number;
  /** Called after every event (invariant checks, progress). */
  afterEach?: (event: E, now: Millis) => void;
}

export type RunOutcome =
  | { stoppedBy: 'until' | 'empty'; now: Millis; eventsFired: number }
  | { stoppedBy: 'max-events'; now: Millis; eventsFired: number };

/**
 * The discrete-event kernel: a clock, a queue ordered by (time, phase, sequence) and a run loop that
 * hands each event to the handler for its kind. Knows nothing of ECS.
 */
export class Engine<E extends EventData> {
  private readonly queue = new EventQueue<E>();
  private handlers: Handlers<E> | undefined;
  private clock: Millis = 0;
  private fired = 0;

  get now(): Millis {
    return this.clock;
  }

  get eventsFired(): number {
    return this.fired;
  }

  get pendingEvents(): number {
    return this.queue.size;
  }

  setHandlers(handlers: Handlers<E>): void {
    this.handlers = handlers;
  }

  /** Schedules `event` at absolute time `at` (never in the past). */
  at(at: Millis, phase: number, event: E): EventHandle {
    if (!(at >= this.clock)) {
      throw new RangeError(`cannot schedule ${event.kind} at ${at} ms: the clock is already at ${this.clock} ms`);
    }
    return this.queue.push(at, phase, event);
  }

  /** Schedules `event` `delay` ms from now (delay >= 0). */
  after(delay: Millis, phase: number, event: E): EventHandle {
    return this.at(this.clock + delay, phase, event);
  }

  /**
   * For a batch event (one queue entry standing for many events of the same instant and phase, handled
   * in order): whether an event it scheduled is due before the rest of it, in an earlier phase of this
   * instant. Had the batch been separate events, that event would fire between them.
   */
  get earlierEventWaiting(): boolean {
    return this.queue.nextIsBeforeLast();
  }

  /**
   * The batch event being handled yields: it goes back to its own place in the queue (same time,
   * phase and sequence) and is handled again after the earlier events. `handled` is how many of its
   * events it handled this time; each counts as an event fired.
   */
  yieldBatch(event: E, handled: number): void {
    this.queue.pushBack(event);
    this.countBatch(handled);
  }

  /** The batch event being handled is done, having handled `handled` of its events this time (each counts as fired). */
  countBatch(handled: number): void {
    this.fired += handled - 1;
  }

  cancel(handle: EventHandle): void {
    this.queue.cancel(handle);
  }

  /** Fires events in (time, phase, sequence) order until `until`, the queue empties, or `maxEvents`. */
  run(options: RunOptions<E>): RunOutcome {
    const handlers = this.handlers as unknown as Record<string, (event: E) => void>;
    if (!handlers) throw new Error('Engine.run: setHandlers() was not called');
    const { until, afterEach } = options;
    const maxEvents = options.maxEvents ?? Infinity;
    const queue = this.queue;
    for (;;) {
      const next = queue.peekTime();
      if (next === undefined || next > until) break;
      if (this.fired >= maxEvents) return { stoppedBy: 'max-events', now: this.clock, eventsFired: this.fired };
      const event = queue.pop() as E;
      if (queue.lastAt < this.clock) throw new Error(`clock would go back from ${this.clock} to ${queue.lastAt} ms (${event.kind})`);
      this.clock = queue.lastAt;
      this.fired++;
      handlers[event.kind](event);
      if (afterEach) afterEach(event, this.clock);
    }
    const emptied = queue.size === 0;
    if (until !== Infinity && until > this.clock) this.clock = until;
    return { stoppedBy: emptied ? 'empty' : 'until', now: this.clock, eventsFired: this.fired };
  }
}
