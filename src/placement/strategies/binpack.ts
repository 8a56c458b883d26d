import type { ContainerInstance } from '../../model/container-instance.js';
import { remainingOf } from '../candidate-index.js';

/** binpack(cpu | memory): the instance with the least of the field remaining ranks first (API PlacementStrategy). */
export function binpackKey(instance: ContainerInstance, field: 'cpu' | 'memory'): number {
  return remainingOf(instance, field);
}
