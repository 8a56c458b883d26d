import type { TaskDefinition } from '../model/task-definition.js';
import type { TaskBehavior, TaskBehaviorRule } from '../scenario/scenario-spec.js';

const NORMAL: TaskBehavior = { startFailureProbability: 0, startFailureReason: '', exitProbability: 0, healthCheckFailureProbability: 0 };

/**
 * How tasks of a task definition behave: the rule naming its exact revision, else its family, else an
 * image one of its containers runs (so a pipeline's new revision with a bad image behaves badly);
 * with none, normally.
 */
export function behaviorOf(rules: readonly TaskBehaviorRule[], td: TaskDefinition): TaskBehavior {
  return (
    rules.find((r) => r.taskDefinition === td.key)?.behavior ??
    rules.find((r) => r.taskDefinition === td.family)?.behavior ??
    rules.find((r) => r.image !== undefined && td.containers.some((c) => c.image === r.image))?.behavior ??
    NORMAL
  );
}
