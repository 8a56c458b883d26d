import seedrandom from 'seedrandom';

/**
 * A seeded stream of uniform numbers in [0, 1) (seedrandom's Alea generator).
 *
 * Streams are forked by label (`random.fork('placement')`): a fork's seed is derived from its parent's
 * seed and the label, never from how many numbers the parent has drawn, so adding draws in one subsystem
 * never shifts the numbers another subsystem sees.
 */
export class RandomStream {
  readonly seed: string;
  private readonly next: () => number;

  constructor(seed: string | number) {
    this.seed = String(seed);
    this.next = seedrandom.alea(this.seed);
  }

  /** A uniform number in [0, 1). */
  uniform(): number {
    return this.next();
  }

  /** An independent stream for one subsystem or one entity. */
  fork(label: string): RandomStream {
    return new RandomStream(`${this.seed}/${label}`);
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An exponential variate with the given mean (> 0). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** A standard normal variate (Box-Muller; draws two uniforms). */
  standardNormal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
