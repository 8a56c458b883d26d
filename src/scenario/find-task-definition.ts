import type { TaskDefinition } from '../model/task-definition.js';

/** `family` (latest revision), `family:revision`, or a task definition ARN. */
export function findTaskDefinition(all: readonly TaskDefinition[], reference: string): TaskDefinition | undefined {
  const name = reference.includes(':task-definition/') ? reference.slice(reference.indexOf(':task-definition/') + 17) : reference;
  if (name.includes(':')) return all.find((td) => td.key === name);
  return all.filter((td) => td.family === name).at(-1);
}
