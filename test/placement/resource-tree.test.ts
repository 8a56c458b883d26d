import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDEX_LIMIT, ResourceTree } from '../../src/placement/resource-tree.js';

/**
 * The law of ResourceTree: after any adds, removes and moves it answers `first` as a plain scan of its
 * entries in (value, index) order would, and knows which instances it holds and their keys.
 */
type Op = { kind: 'put'; index: number; value: number; other: number } | { kind: 'remove'; index: number } | { kind: 'first'; value: number; index: number; minOther: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), index: fc.integer({ min: 0, max: 300 }), value: fc.integer({ min: 0, max: 40 }), other: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ kind: fc.constant('remove' as const), index: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ kind: fc.constant('first' as const), value: fc.integer({ min: 0, max: 42 }), index: fc.integer({ min: 0, max: 300 }), minOther: fc.integer({ min: 0, max: 42 }) }),
);

function plainFirst(entries: Map<number, { value: number; other: number }>, fromKey: number, minOther: number): number {
  let best = -1;
  let bestKey = Infinity;
  for (const [index, e] of entries) {
    const key = e.value * INDEX_LIMIT + index;
    if (key >= fromKey && e.other >= minOther && key < bestKey) {
      best = index;
      bestKey = key;
    }
  }
  return best;
}

describe('ResourceTree', () => {
  it('answers first() as a scan in (value, index) order would, through any adds, moves and removes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), fc.integer({ min: 1, max: 64 }), (ops, capacity) => {
        const tree = new ResourceTree(capacity);
        const entries = new Map<number, { value: number; other: number }>();
        for (const o of ops) {
          if (o.kind === 'put') {
            if (entries.has(o.index)) tree.update(o.index, o.value, o.other);
            else tree.add(o.index, o.value, o.other);
            entries.set(o.index, { value: o.value, other: o.other });
          } else if (o.kind === 'remove') {
            if (!entries.has(o.index)) continue;
            tree.remove(o.index);
            entries.delete(o.index);
          } else {
            const fromKey = o.value * INDEX_LIMIT + o.index;
            expect(tree.first(fromKey, o.minOther)).toBe(plainFirst(entries, fromKey, o.minOther));
          }
          expect(tree.size).toBe(entries.size);
        }
        for (let i = 0; i <= 300; i++) expect(tree.has(i)).toBe(entries.has(i));
        for (const [index, e] of entries) {
          expect(tree.keyOf(index)).toBe(e.value * INDEX_LIMIT + index);
          expect(tree.valueOf(index)).toBe(e.value);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses to remove an instance it does not hold', () => {
    const tree = new ResourceTree();
    tree.add(3, 10, 10);
    expect(() => tree.remove(4)).toThrow(/not in the tree/);
  });
});
