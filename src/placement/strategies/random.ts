/**
 * random: each placement draws one salt; an instance's key is a hash of the salt and its index, so the
 * choice is uniform over the candidates and does not depend on the order they are looked at.
 */
export function randomKey(instanceIndex: number, salt: number): number {
  let h = (salt ^ Math.imul(instanceIndex + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}
