import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine, type Handlers } from '../../src/engine/engine.js';

/**
 * A batch event (one queue entry standing for several same-instant events, handled in order, that
 * yields when one of them schedules an event due before the rest) fires everything in the order
 * separate events would, and counts as many events fired.
 */
type Ev = { kind: 'Item'; id: number } | { kind: 'Batch'; items: number[]; next: number } | { kind: 'Follow'; id: number } | { kind: 'Other'; id: number };

interface FollowUp {
  delay: number;
  phase: number;
}

const BATCH_PHASE = 2;

function run(items: FollowUp[][], others: { at: number; phase: number }[], batchAt: number, asBatch: boolean) {
  const engine = new Engine<Ev>();
  const trace: string[] = [];
  let follows = 0;
  const handleItem = (id: number) => {
    trace.push(`item ${id} @${engine.now}`);
    for (const f of items[id]) engine.after(f.delay, f.phase, { kind: 'Follow', id: follows++ });
  };
  engine.setHandlers({
    Item: (e) => handleItem(e.id),
    Batch: (e) => {
      let handled = 0;
      while (e.next < e.items.length) {
        if (handled > 0 && engine.earlierEventWaiting) return engine.yieldBatch(e, handled);
        handleItem(e.items[e.next++]);
        handled++;
      }
      engine.countBatch(handled);
    },
    Follow: (e) => trace.push(`follow ${e.id} @${engine.now}`),
    Other: (e) => trace.push(`other ${e.id} @${engine.now}`),
  } satisfies Handlers<Ev>);
  others.forEach((o, id) => engine.at(o.at, o.phase, { kind: 'Other', id }));
  if (asBatch) engine.at(batchAt, BATCH_PHASE, { kind: 'Batch', items: items.map((_, i) => i), next: 0 });
  else items.forEach((_, id) => engine.at(batchAt, BATCH_PHASE, { kind: 'Item', id }));
  others.forEach((o, id) => engine.at(o.at, o.phase, { kind: 'Other', id: 100 + id }));
  const outcome = engine.run({ until: 100 });
  return { trace, eventsFired: outcome.eventsFired };
}

const followUp = fc.record({ delay: fc.constantFrom(0, 0, 0, 1, 5), phase: fc.integer({ min: 0, max: 3 }) });

describe('batch events', () => {
  it('fire in the order and count of separate events, whatever their handlers schedule', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(followUp, { maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 6 }), phase: fc.integer({ min: 0, max: 3 }) }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 5 }),
        (items, others, batchAt) => {
          expect(run(items, others, batchAt, true)).toEqual(run(items, others, batchAt, false));
        },
      ),
    );
  });

  it('yields to an event scheduled in an earlier phase of the same instant', () => {
    const separate = run([[{ delay: 0, phase: 0 }], [], []], [], 3, false);
    expect(separate.trace).toEqual(['item 0 @3', 'follow 0 @3', 'item 1 @3', 'item 2 @3']);
    expect(run([[{ delay: 0, phase: 0 }], [], []], [], 3, true)).toEqual(separate);
  });
});
