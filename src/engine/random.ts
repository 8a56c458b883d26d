import seedrandom from 'seedrandom';

/**
 * A seeded stream of uniform numbers in [0, 1) (seedrandom's Alea generator: seedrandom seeds it, and
 * its step runs here on a typed array, so a draw allocates nothing; the numbers are seedrandom's, a
 * law in the tests).
 *
 * Streams are forked by label (`random.fork('placement')`): a fork's seed is derived from its parent's
 * seed and the label, never from how many numbers the parent has drawn, so adding draws in one subsystem
 * never shifts the numbers another subsystem sees.
 */
export class RandomStream {
  readonly seed: string;
  /** Alea's state: s0, s1, s2 and the carry c. */
  private readonly state: Float64Array;

  constructor(seed: string | number) {
    this.seed = String(seed);
    const { s0, s1, s2, c } = seedrandom.alea(this.seed, { state: true }).state() as { s0: number; s1: number; s2: number; c: number };
    this.state = Float64Array.of(s0, s1, s2, c);
  }

  /** A uniform number in [0, 1): Alea's step, as seedrandom's alea.js takes it. */
  uniform(): number {
    const s = this.state;
    const t = 2091639 * s[0] + s[3] * 2.3283064365386963e-10; // 2^-32
    s[0] = s[1];
    s[1] = s[2];
    s[3] = t | 0;
    return (s[2] = t - s[3]);
  }

  private next(): number {
    return this.uniform();
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
