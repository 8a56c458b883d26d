import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, PHASE_COUNT } from '../../src/engine/event-queue.js';

type Item = { at: number; phase: number; id: number };
const items = fc.array(
  fc.record({ at: fc.integer({ min: 0, max: 50 }), phase: fc.integer({ min: 0, max: PHASE_COUNT - 1 }) }),
  { maxLength: 300 },
);

function drain(queue: EventQueue<Item>): Item[] {
  const out: Item[] = [];
  for (let item = queue.pop(); item !== undefined; item = queue.pop()) out.push(item);
  return out;
}

describe('EventQueue', () => {
  it('pops in (time, phase, insertion) order: non-decreasing time, FIFO on ties', () => {
    fc.assert(
      fc.property(items, (list) => {
        const queue = new EventQueue<Item>();
        const pushed = list.map((x, id) => ({ ...x, id }));
        pushed.forEach((item) => queue.push(item.at, item.phase, item));
        const expected = [...pushed].sort((a, b) => a.at - b.at || a.phase - b.phase || a.id - b.id);
        expect(drain(queue).map((x) => x.id)).toEqual(expected.map((x) => x.id));
      }),
    );
  });

  it('never pops a cancelled event, and pops every other one', () => {
    fc.assert(
      fc.property(items, fc.array(fc.boolean(), { maxLength: 300 }), (list, cancelFlags) => {
        const queue = new EventQueue<Item>();
        const handles = list.map((x, id) => queue.push(x.at, x.phase, { ...x, id }));
        const cancelled = new Set<number>();
        handles.forEach((h, id) => {
          if (cancelFlags[id]) {
            queue.cancel(h);
            cancelled.add(id);
          }
        });
        expect(queue.size).toBe(list.length - cancelled.size);
        const popped = drain(queue).map((x) => x.id);
        expect(popped.some((id) => cancelled.has(id))).toBe(false);
        expect(popped.length).toBe(list.length - cancelled.size);
      }),
    );
  });

  it('interleaved pushes and pops still come out in order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 400 }), (ops) => {
        const queue = new EventQueue<Item>();
        let now = 0;
        let id = 0;
        for (const op of ops) {
          if (op === -1) {
            const item = queue.pop();
            if (item) {
              expect(item.at).toBeGreaterThanOrEqual(now);
              now = item.at;
            }
          } else {
            queue.push(now + op, 0, { at: now + op, phase: 0, id: id++ });
          }
        }
      }),
    );
  });

  it('rejects a phase outside [0, PHASE_COUNT)', () => {
    const queue = new EventQueue<Item>();
    expect(() => queue.push(0, PHASE_COUNT, { at: 0, phase: 0, id: 0 })).toThrow(RangeError);
    expect(() => queue.push(0, -1, { at: 0, phase: 0, id: 0 })).toThrow(RangeError);
  });
});
