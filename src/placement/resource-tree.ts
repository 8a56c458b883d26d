/**
 * Instances ordered by one remaining resource (then by index), able to answer "the first instance at
 * or after this position whose *other* remaining resource is at least this much" in logarithmic time.
 * binpack(memory) walks memory order but must skip instances short of CPU (and the other way round);
 * on a busy cluster those are most of them, so they are skipped by subtree, not one by one.
 *
 * A treap over instance indexes: the in-order key is `value * 2^20 + index`; each node keeps the
 * largest `other` value in its subtree. Priorities are a hash of the index, so the shape (and every
 * answer) depends only on the contents.
 */
export const INDEX_LIMIT = 2 ** 20;
const NIL = -1;

export class ResourceTree {
  private keys: Float64Array;
  private other: Float64Array;
  private maxOther: Float64Array;
  private left: Int32Array;
  private right: Int32Array;
  private priority: Uint32Array;
  private root = NIL;
  private count = 0;

  constructor(capacity = 64) {
    capacity = Math.max(16, capacity);
    this.keys = new Float64Array(capacity);
    this.other = new Float64Array(capacity);
    this.maxOther = new Float64Array(capacity);
    this.left = new Int32Array(capacity).fill(NIL);
    this.right = new Int32Array(capacity).fill(NIL);
    this.priority = new Uint32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Adds instance `index` with its ordering `value` and its `other` resource. */
  add(index: number, value: number, other: number): void {
    this.ensure(index);
    this.keys[index] = value * INDEX_LIMIT + index;
    this.other[index] = other;
    this.maxOther[index] = other;
    this.left[index] = NIL;
    this.right[index] = NIL;
    this.priority[index] = hash(index);
    this.root = this.insert(this.root, index);
    this.count++;
  }

  /** Whether instance `index` is in the tree. */
  has(index: number): boolean {
    if (index >= this.keys.length) return false;
    const key = this.keys[index];
    let node = this.root;
    while (node !== NIL) {
      if (node === index) return true;
      node = key < this.keys[node] ? this.left[node] : this.right[node];
    }
    return false;
  }

  remove(index: number): void {
    this.root = this.delete(this.root, this.keys[index]);
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
    return this.search(this.root, fromKey, minOther);
  }

  keyOf(index: number): number {
    return this.keys[index];
  }

  valueOf(index: number): number {
    return Math.floor(this.keys[index] / INDEX_LIMIT);
  }

  private search(node: number, fromKey: number, minOther: number): number {
    while (node !== NIL) {
      if (this.maxOther[node] < minOther) return NIL;
      if (this.keys[node] < fromKey) {
        node = this.right[node];
        continue;
      }
      const inLeft = this.search(this.left[node], fromKey, minOther);
      if (inLeft !== NIL) return inLeft;
      if (this.other[node] >= minOther) return node;
      node = this.right[node];
    }
    return NIL;
  }

  private insert(node: number, index: number): number {
    if (node === NIL) return index;
    if (this.keys[index] < this.keys[node]) {
      this.left[node] = this.insert(this.left[node], index);
      if (this.priority[this.left[node]] > this.priority[node]) node = this.rotateRight(node);
    } else {
      this.right[node] = this.insert(this.right[node], index);
      if (this.priority[this.right[node]] > this.priority[node]) node = this.rotateLeft(node);
    }
    this.pull(node);
    return node;
  }

  private delete(node: number, key: number): number {
    if (node === NIL) throw new Error(`ResourceTree: key ${key} is not in the tree`);
    if (key < this.keys[node]) this.left[node] = this.delete(this.left[node], key);
    else if (key > this.keys[node]) this.right[node] = this.delete(this.right[node], key);
    else return this.merge(this.left[node], this.right[node]);
    this.pull(node);
    return node;
  }

  private merge(a: number, b: number): number {
    if (a === NIL) return b;
    if (b === NIL) return a;
    if (this.priority[a] > this.priority[b]) {
      this.right[a] = this.merge(this.right[a], b);
      this.pull(a);
      return a;
    }
    this.left[b] = this.merge(a, this.left[b]);
    this.pull(b);
    return b;
  }

  private rotateRight(node: number): number {
    const l = this.left[node];
    this.left[node] = this.right[l];
    this.right[l] = node;
    this.pull(node);
    this.pull(l);
    return l;
  }

  private rotateLeft(node: number): number {
    const r = this.right[node];
    this.right[node] = this.left[r];
    this.left[r] = node;
    this.pull(node);
    this.pull(r);
    return r;
  }

  private pull(node: number): void {
    let max = this.other[node];
    const l = this.left[node];
    const r = this.right[node];
    if (l !== NIL && this.maxOther[l] > max) max = this.maxOther[l];
    if (r !== NIL && this.maxOther[r] > max) max = this.maxOther[r];
    this.maxOther[node] = max;
  }

  private ensure(index: number): void {
    if (index < this.keys.length) return;
    let capacity = this.keys.length;
    while (capacity <= index) capacity *= 2;
    const grow = <T extends Float64Array | Int32Array | Uint32Array>(a: T, fill?: number): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      b.set(a);
      if (fill !== undefined) b.fill(fill, a.length);
      return b;
    };
    this.keys = grow(this.keys);
    this.other = grow(this.other);
    this.maxOther = grow(this.maxOther);
    this.left = grow(this.left, NIL);
    this.right = grow(this.right, NIL);
    this.priority = grow(this.priority);
  }
}

/** A fixed integer hash (murmur3's finaliser) for treap priorities. */
function hash(index: number): number {
  let h = (index + 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
