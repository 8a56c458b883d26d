import type { AlarmState } from './alarm.js';

const STATES: readonly AlarmState[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];
const CODE: Readonly<Record<AlarmState, number>> = { OK: 0, ALARM: 1, INSUFFICIENT_DATA: 2 };

/**
 * An alarm's state at the end of each minute, one byte a minute (a week of 400 alarms is 4 million
 * minutes: a byte each, not a pointer each).
 */
export class AlarmHistory {
  private codes = new Uint8Array(64);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(state: AlarmState): void {
    if (this.count === this.codes.length) {
      const grown = new Uint8Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.count++] = CODE[state];
  }

  /** The state at the end of minute `i` (minute 0 ends at 1 min), or undefined past the end. */
  at(i: number): AlarmState | undefined {
    return i >= 0 && i < this.count ? STATES[this.codes[i]] : undefined;
  }
}
