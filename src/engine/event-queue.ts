import type { Millis } from './time.js';

/** Phases order events that fall on the same millisecond; lower phases fire first. */
export const PHASE_COUNT = 16;

/** A scheduled event's handle: its sequence number, unique within one queue. */
export type EventHandle = number;

/**
 * A priority queue of events ordered by (at, phase, seq): time first, then the explicit phase, then
 * insertion order (FIFO on ties). The order is total, so a run never depends on how the heap breaks ties.
 *
 * It is a binary heap over parallel typed arrays (the key `at * PHASE_COUNT + phase`, and `seq`) with
 * the payloads in a plain array beside them; cancellation is lazy (a cancelled entry is skipped when it
 * reaches the top), which keeps `cancel` O(1).
 */
export class EventQueue<E> {
  private keys = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private payloads: (E | undefined)[] = new Array(1024);
  private count = 0;
  private nextSeq = 0;
  private cancelled = new Set<EventHandle>();

  /** When the event last returned by `pop` was due, its phase and its handle. */
  lastAt: Millis = 0;
  lastPhase = 0;
  lastHandle: EventHandle = -1;

  /** Number of live (not cancelled) events in the queue. */
  get size(): number {
    return this.count - this.cancelled.size;
  }

  push(at: Millis, phase: number, event: E): EventHandle {
    if (!(phase >= 0 && phase < PHASE_COUNT && Number.isInteger(phase))) {
      throw new RangeError(`phase must be an integer in [0, ${PHASE_COUNT}), got ${phase}`);
    }
    const seq = this.nextSeq++;
    this.insert(at * PHASE_COUNT + phase, seq, event);
    return seq;
  }

  /**
   * Puts the event last popped back at its own place in the order (the same time, phase and
   * sequence), for a batch event that handles part of its work and yields to events due before the rest.
   */
  pushBack(event: E): void {
    this.insert(this.lastAt * PHASE_COUNT + this.lastPhase, this.lastHandle, event);
  }

  /** Whether the next live event is due before the event last popped (at an earlier time or phase). */
  nextIsBeforeLast(): boolean {
    this.dropCancelledTop();
    return this.count > 0 && this.keys[0] < this.lastAt * PHASE_COUNT + this.lastPhase;
  }

  private insert(key: number, seq: number, event: E): void {
    if (this.count === this.keys.length) this.grow();
    const { keys, seqs, payloads } = this;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent];
      if (pk < key || (pk === key && seqs[parent] < seq)) break;
      keys[i] = pk;
      seqs[i] = seqs[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    keys[i] = key;
    seqs[i] = seq;
    payloads[i] = event;
  }

  /** Marks a scheduled event so it never fires. Cancelling twice, or after it fired, is harmless. */
  cancel(handle: EventHandle): void {
    if (handle < this.nextSeq) this.cancelled.add(handle);
  }

  /** Time of the next live event, or undefined when the queue is empty. */
  peekTime(): Millis | undefined {
    this.dropCancelledTop();
    return this.count === 0 ? undefined : Math.floor(this.keys[0] / PHASE_COUNT);
  }

  /** Removes and returns the next live event; `lastAt`/`lastPhase` say when it was due. */
  pop(): E | undefined {
    this.dropCancelledTop();
    if (this.count === 0) return undefined;
    const key = this.keys[0];
    const event = this.payloads[0] as E;
    this.lastAt = Math.floor(key / PHASE_COUNT);
    this.lastPhase = key - this.lastAt * PHASE_COUNT;
    this.lastHandle = this.seqs[0];
    this.removeTop();
    return event;
  }

  private dropCancelledTop(): void {
    while (this.count > 0 && this.cancelled.size > 0 && this.cancelled.delete(this.seqs[0])) {
      this.removeTop();
    }
  }

  private removeTop(): void {
    const { keys, seqs, payloads } = this;
    const n = --this.count;
    const key = keys[n];
    const seq = seqs[n];
    const payload = payloads[n];
    payloads[n] = undefined;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (keys[right] < keys[child] || (keys[right] === keys[child] && seqs[right] < seqs[child]))) {
        child = right;
      }
      const ck = keys[child];
      if (key < ck || (key === ck && seq < seqs[child])) break;
      keys[i] = ck;
      seqs[i] = seqs[child];
      payloads[i] = payloads[child];
      i = child;
    }
    keys[i] = key;
    seqs[i] = seq;
    payloads[i] = payload;
  }

  private grow(): void {
    const capacity = this.keys.length * 2;
    const keys = new Float64Array(capacity);
    keys.set(this.keys);
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    this.keys = keys;
    this.seqs = seqs;
    this.payloads.length = capacity;
  }
}
