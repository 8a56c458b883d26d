/**
 * Instances sorted by one integer value (remaining CPU units or MiB), then by instance index: a sorted
 * Float64Array of keys `value * 2^20 + index`. Lookups are binary searches; updates move the keys
 * between the old and new position (copyWithin), cheap for the sizes placement sees.
 */
export const INDEX_LIMIT = 2 ** 20;

export class SortedIndex {
  private keys = new Float64Array(64);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(index: number, value: number): void {
    if (this.count === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    const key = value * INDEX_LIMIT + index;
    const at = this.lowerBoundKey(key);
    this.keys.copyWithin(at + 1, at, this.count);
    this.keys[at] = key;
    this.count++;
  }

  remove(index: number, value: number): void {
    const key = value * INDEX_LIMIT + index;
    const at = this.lowerBoundKey(key);
    if (this.keys[at] !== key || at >= this.count) throw new Error(`SortedIndex: instance ${index} with value ${value} is not indexed`);
    this.keys.copyWithin(at, at + 1, this.count);
    this.count--;
  }

  update(index: number, from: number, to: number): void {
    if (from === to) return;
    this.remove(index, from);
    this.add(index, to);
  }

  /** Position of the first entry whose value is >= `value`. */
  lowerBound(value: number): number {
    return this.lowerBoundKey(value * INDEX_LIMIT);
  }

  valueAt(position: number): number {
    return Math.floor(this.keys[position] / INDEX_LIMIT);
  }

  indexAt(position: number): number {
    return this.keys[position] % INDEX_LIMIT;
  }

  private lowerBoundKey(key: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
