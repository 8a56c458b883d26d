/**
 * Instances ordered by one remaining resource (then by index), able to answer "the first instance at
 * or after this position whose *other* remaining resource is at least this much" quickly. binpack(memory)
 * walks memory order but must skip instances short of CPU (and the other way round); on a busy cluster
 * those are most of them, so they are skipped a block at a time, not one by one.
 *
 * The order is kept as a list of small sorted blocks (at most BLOCK_SIZE entries each), each knowing the
 * largest `other` value it holds, and a max segment tree over the blocks finds the next block with
 * enough of the other resource without walking the ones between. The key of an instance is `value * 2^20 + index`, so the order (and
 * every answer) depends only on the contents. Every claim and release moves an instance, so moves
 * are what this is fast at: a binary search and a short shift inside one block.
 */
export const INDEX_LIMIT = 2 ** 20;
const NIL = -1;
/** Entries a block holds at most; a full block splits in two. */
const BLOCK_SIZE = 64;

interface Block {
  /** Sorted keys, then each entry's instance index and other resource, `length` of them in use. */
  keys: Float64Array;
  indexes: Int32Array;
  others: Float64Array;
  length: number;
  /** The largest of `others` in use (-Infinity when empty). */
  maxOther: number;
}

export class ResourceTree {
  private blocks: Block[] = [];
  /** A max segment tree of the blocks' maxOther: leaves at [leaves, 2 * leaves), -Infinity past the last block. */
  private segment = new Float64Array(2).fill(-Infinity);
  private leaves = 1;
  /** Per instance index: its key, and whether it is in the tree. */
  private keys: Float64Array;
  private present: Uint8Array;
  private count = 0;

  constructor(capacity = 64) {
    capacity = Math.max(16, capacity);
    this.keys = new Float64Array(capacity);
    this.present = new Uint8Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Adds instance `index` with its ordering `value` and its `other` resource. */
  add(index: number, value: number, other: number): void {
    this.ensure(index);
    const key = value * INDEX_LIMIT + index;
    this.keys[index] = key;
    this.present[index] = 1;
    this.count++;
    if (this.blocks.length === 0) {
      this.blocks.push(newBlock());
      this.rebuildSegment();
    }
    const b = this.blockFor(key);
    const block = this.blocks[b];
    const at = lowerBound(block, key);
    const { keys, indexes, others } = block;
    for (let i = block.length; i > at; i--) {
      keys[i] = keys[i - 1];
      indexes[i] = indexes[i - 1];
      others[i] = others[i - 1];
    }
    block.keys[at] = key;
    block.indexes[at] = index;
    block.others[at] = other;
    block.length++;
    if (other > block.maxOther) {
      block.maxOther = other;
      this.setLeaf(b);
    }
    if (block.length === BLOCK_SIZE) this.split(b);
  }

  /** Whether instance `index` is in the tree. */
  has(index: number): boolean {
    return index < this.present.length && this.present[index] === 1;
  }

  remove(index: number): void {
    if (!this.has(index)) throw new Error(`ResourceTree: instance ${index} is not in the tree`);
    const key = this.keys[index];
    const b = this.blockFor(key);
    const block = this.blocks[b];
    const at = lowerBound(block, key);
    const { keys, indexes, others } = block;
    const other = others[at];
    for (let i = at + 1; i < block.length; i++) {
      keys[i - 1] = keys[i];
      indexes[i - 1] = indexes[i];
      others[i - 1] = others[i];
    }
    block.length--;
    if (block.length === 0) {
      this.blocks.splice(b, 1);
      this.rebuildSegment();
    } else if (other === block.maxOther) {
      block.maxOther = largestOther(block);
      this.setLeaf(b);
    }
    this.present[index] = 0;
    this.count--;
  }

  /** Moves an instance to its new value and other resource. */
  update(index: number, value: number, other: number): void {
    this.remove(index);
    this.add(index, value, other);
  }

  /**
   * The first instance in (value, index) order whose key is at least `fromKey` and whose other
   * resource is at least `minOther`; -1 when there is none. `fromKey` is `value * 2^20 + index`.
   */
  first(fromKey: number, minOther: number): number {
    const { blocks } = this;
    if (blocks.length === 0) return NIL;
    // In the block where fromKey falls, from fromKey on; then the first entry of enough in a later block.
    let b = this.blockFor(fromKey);
    let block = blocks[b];
    if (block.maxOther >= minOther) {
      for (let i = lowerBound(block, fromKey); i < block.length; i++) if (block.others[i] >= minOther) return block.indexes[i];
    }
    b = this.nextBlock(b + 1, minOther);
    if (b < 0) return NIL;
    block = blocks[b];
    for (let i = 0; i < block.length; i++) if (block.others[i] >= minOther) return block.indexes[i];
    throw new Error('ResourceTree: a block holds less than its maxOther says');
  }

  /** The first block at or after `from` holding an entry with at least `minOther` (its maxOther), or -1. */
  private nextBlock(from: number, minOther: number): number {
    const { segment, leaves } = this;
    if (from >= this.blocks.length) return NIL;
    let node = from + leaves;
    if (segment[node] < minOther) {
      // Up until a right sibling's subtree has one, then down to its leftmost such leaf.
      for (;;) {
        if (node === 1) return NIL;
        if ((node & 1) === 0 && segment[node + 1] >= minOther) {
          node++;
          break;
        }
        node >>= 1;
      }
      while (node < leaves) node = segment[2 * node] >= minOther ? 2 * node : 2 * node + 1;
    }
    return node - leaves;
  }

  private setLeaf(b: number): void {
    const { segment } = this;
    let node = b + this.leaves;
    segment[node] = this.blocks[b].maxOther;
    for (node >>= 1; node >= 1; node >>= 1) segment[node] = Math.max(segment[2 * node], segment[2 * node + 1]);
  }

  private rebuildSegment(): void {
    let leaves = 1;
    while (leaves < this.blocks.length) leaves *= 2;
    const segment = new Float64Array(2 * leaves).fill(-Infinity);
    this.blocks.forEach((block, b) => (segment[leaves + b] = block.maxOther));
    for (let node = leaves - 1; node >= 1; node--) segment[node] = Math.max(segment[2 * node], segment[2 * node + 1]);
    this.segment = segment;
    this.leaves = leaves;
  }

  keyOf(index: number): number {
    return this.keys[index];
  }

  valueOf(index: number): number {
    return Math.floor(this.keys[index] / INDEX_LIMIT);
  }

  /** The block where `key` is or would go: the first whose last key is at least `key`, else the last. */
  private blockFor(key: number): number {
    const { blocks } = this;
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const block = blocks[mid];
      if (block.keys[block.length - 1] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private split(b: number): void {
    const block = this.blocks[b];
    const half = block.length >> 1;
    const upper = newBlock();
    upper.keys.set(block.keys.subarray(half, block.length));
    upper.indexes.set(block.indexes.subarray(half, block.length));
    upper.others.set(block.others.subarray(half, block.length));
    upper.length = block.length - half;
    block.length = half;
    block.maxOther = largestOther(block);
    upper.maxOther = largestOther(upper);
    this.blocks.splice(b + 1, 0, upper);
    this.rebuildSegment();
  }

  private ensure(index: number): void {
    if (index < this.keys.length) return;
    let capacity = this.keys.length;
    while (capacity <= index) capacity *= 2;
    const keys = new Float64Array(capacity);
    keys.set(this.keys);
    const present = new Uint8Array(capacity);
    present.set(this.present);
    this.keys = keys;
    this.present = present;
  }
}

function newBlock(): Block {
  return { keys: new Float64Array(BLOCK_SIZE), indexes: new Int32Array(BLOCK_SIZE), others: new Float64Array(BLOCK_SIZE), length: 0, maxOther: -Infinity };
}

/** The first position in the block whose key is at least `key` (the block's length when none is). */
function lowerBound(block: Block, key: number): number {
  let lo = 0;
  let hi = block.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (block.keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function largestOther(block: Block): number {
  let max = -Infinity;
  for (let i = 0; i < block.length; i++) if (block.others[i] > max) max = block.others[i];
  return max;
}
