import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine, type Handlers } from '../../src/engine/engine.js';

type Ev = { kind: 'Ping'; id: number } | { kind: 'Spawn'; id: number; delay: number };

function recordingEngine() {
  const engine = new Engine<Ev>();
  const fired: { id: number; at: number }[] = [];
  engine.setHandlers({
    Ping: (e) => fired.push({ id: e.id, at: engine.now }),
    Spawn: (e) => {
      fired.push({ id: e.id, at: engine.now });
      engine.after(e.delay, 0, { kind: 'Ping', id: e.id + 1000 });
    },
  } satisfies Handlers<Ev>);
  return { engine, fired };
}

const schedule = fc.array(fc.record({ at: fc.integer({ min: 0, max: 1000 }), phase: fc.integer({ min: 0, max: 3 }), cancel: fc.boolean() }), {
  maxLength: 200,
});

describe('Engine', () => {
  it('fires events in non-decreasing time and never after `until`', () => {
    fc.assert(
      fc.property(schedule, fc.integer({ min: 0, max: 1000 }), (list, until) => {
        const { engine, fired } = recordingEngine();
        list.forEach((x, id) => engine.at(x.at, x.phase, { kind: 'Ping', id }));
        const outcome = engine.run({ until });
        for (let i = 1; i < fired.length; i++) expect(fired[i].at).toBeGreaterThanOrEqual(fired[i - 1].at);
        expect(fired.every((f) => f.at <= until)).toBe(true);
        expect(fired.length).toBe(list.filter((x) => x.at <= until).length);
        expect(engine.now).toBe(until);
        expect(outcome.eventsFired).toBe(fired.length);
      }),
    );
  });

  it('fires same-time, same-phase events in the order they were scheduled (FIFO)', () => {
    const { engine, fired } = recordingEngine();
    for (let id = 0; id < 50; id++) engine.at(10, 1, { kind: 'Ping', id });
    engine.at(10, 0, { kind: 'Ping', id: -1 });
    engine.run({ until: 10 });
    expect(fired.map((f) => f.id)).toEqual([-1, ...Array.from({ length: 50 }, (_, i) => i)]);
  });

  it('never fires a cancelled event', () => {
    fc.assert(
      fc.property(schedule, (list) => {
        const { engine, fired } = recordingEngine();
        const handles = list.map((x, id) => engine.at(x.at, x.phase, { kind: 'Ping', id }));
        list.forEach((x, id) => x.cancel && engine.cancel(handles[id]));
        engine.run({ until: Infinity });
        const firedIds = new Set(fired.map((f) => f.id));
        list.forEach((x, id) => expect(firedIds.has(id)).toBe(!x.cancel));
      }),
    );
  });

  it('events scheduled by handlers fire at now + delay', () => {
    const { engine, fired } = recordingEngine();
    engine.at(5, 0, { kind: 'Spawn', id: 1, delay: 7 });
    engine.run({ until: 100 });
    expect(fired).toEqual([
      { id: 1, at: 5 },
      { id: 1001, at: 12 },
    ]);
  });

  it('refuses to schedule in the past', () => {
    const { engine } = recordingEngine();
    engine.at(10, 0, { kind: 'Ping', id: 0 });
    engine.run({ until: 10 });
    expect(() => engine.at(9, 0, { kind: 'Ping', id: 1 })).toThrow(/clock is already at 10/);
  });

  it('stops at maxEvents with stoppedBy max-events', () => {
    const { engine, fired } = recordingEngine();
    for (let id = 0; id < 10; id++) engine.at(id, 0, { kind: 'Ping', id });
    const outcome = engine.run({ until: Infinity, maxEvents: 4 });
    expect(outcome.stoppedBy).toBe('max-events');
    expect(fired.length).toBe(4);
  });
});
