import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlarmHistory } from '../../src/metrics/alarm-history.js';

describe('AlarmHistory', () => {
  it('gives back every state pushed, in order, and nothing past the end', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('OK' as const, 'ALARM' as const, 'INSUFFICIENT_DATA' as const), { maxLength: 300 }), (states) => {
        const history = new AlarmHistory();
        for (const s of states) history.push(s);
        expect(history.length).toBe(states.length);
        expect(states.map((_, i) => history.at(i))).toEqual(states);
        expect(history.at(states.length)).toBeUndefined();
        expect(history.at(-1)).toBeUndefined();
      }),
    );
  });
});
