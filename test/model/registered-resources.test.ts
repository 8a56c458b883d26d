import { describe, expect, it } from 'vitest';
import { instanceType, INSTANCE_TYPES } from '../../src/model/instance-types.js';
import { registeredCpuUnits, registeredMemoryMiB } from '../../src/model/registered-resources.js';

const type = (name: string) => instanceType(name)!;

describe('registered resources', () => {
  it('registers vCPU x 1024 CPU units', () => {
    expect(registeredCpuUnits(type('m5.large'))).toBe(2048);
    expect(registeredCpuUnits(type('c4.4xlarge'))).toBe(16_384);
  });

  it("uses AWS's documented registered memory: c4.large 3768 MiB, c4.4xlarge 30158 MiB, m4.large 7985 MiB", () => {
    expect(registeredMemoryMiB(type('c4.large'))).toBe(3768);
    expect(registeredMemoryMiB(type('c4.4xlarge'))).toBe(30_158);
    expect(registeredMemoryMiB(type('m4.large'))).toBe(7985);
  });

  it('ECS_RESERVED_MEMORY is subtracted: the m4.large with 256 MiB reserved registers 7729 MiB', () => {
    expect(registeredMemoryMiB(type('m4.large'), 256)).toBe(7729);
  });

  it('the ASSUMPTION formula reproduces both documented c4 figures and stays below nominal for every type', () => {
    const formula = (name: string) => registeredMemoryMiB({ ...type(name), documentedRegisteredMemoryMiB: undefined });
    expect(formula('c4.large')).toBe(3768);
    expect(formula('c4.4xlarge')).toBe(30_158);
    for (const t of INSTANCE_TYPES.values()) {
      expect(registeredMemoryMiB(t)).toBeLessThan(t.memoryMiB);
      expect(registeredMemoryMiB(t)).toBeGreaterThan(t.memoryMiB * 0.95);
    }
  });

  it('covers the t3, m5, c5 and r5 families with vCPU, memory and ENI limits', () => {
    for (const family of ['t3', 'm5', 'c5', 'r5']) {
      const members = [...INSTANCE_TYPES.values()].filter((t) => t.family === family);
      expect(members.length).toBeGreaterThanOrEqual(7);
      for (const t of members) expect(t.vcpu > 0 && t.memoryMiB > 0 && t.maxEnis >= 2).toBe(true);
    }
    expect(type('m5.large')).toMatchObject({ vcpu: 2, memoryMiB: 8192, maxEnis: 3, trunkedAwsvpcTasks: 10 });
    expect(type('t3.medium')).toMatchObject({ vcpu: 2, memoryMiB: 4096, maxEnis: 3, trunkedAwsvpcTasks: undefined });
  });
});
