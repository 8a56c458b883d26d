import { describe, expect, it } from 'vitest';
import { chooseInstancesToRemove } from '../../src/cluster/instance-scale-in.js';
import type { ContainerInstance } from '../../src/model/container-instance.js';
import { instance } from '../placement/builders.js';

/** A group's instances, in the order the group lists them; `index` is their creation number. */
function group(spec: { az: string; index: number; candidate: boolean }[]): { instances: ContainerInstance[]; isCandidate: (i: ContainerInstance) => boolean } {
  const candidates = new Set<ContainerInstance>();
  const instances = spec.map(({ az, index, candidate }) => {
    const made = instance('2048/8192', { az });
    made.index = index;
    made.id = `i-${index}`;
    if (candidate) candidates.add(made);
    return made;
  });
  return { instances, isCandidate: (i) => candidates.has(i) };
}

describe('instances a group removes on scale-in', () => {
  it('the newest of the AZ with the most candidates, one at a time; non-candidates stay', () => {
    const { instances, isCandidate } = group([
      { az: 'a', index: 0, candidate: true },
      { az: 'b', index: 1, candidate: true },
      { az: 'a', index: 2, candidate: true },
      { az: 'a', index: 3, candidate: false },
      { az: 'b', index: 4, candidate: true },
      { az: 'c', index: 5, candidate: true },
    ]);
    // a and b have two candidates each: b's newest (4) is newer than a's (2). Then a has two (2 goes),
    // then each AZ one: c's (5) is the newest, then b's (1), then a's (0). Instance 3 is no candidate.
    expect(chooseInstancesToRemove(instances, isCandidate, 3).map((i) => i.index)).toEqual([4, 2, 5]);
    expect(chooseInstancesToRemove(instances, isCandidate, 9).map((i) => i.index)).toEqual([4, 2, 5, 1, 0]);
    expect(chooseInstancesToRemove(instances, () => false, 2)).toEqual([]);
  });
});
