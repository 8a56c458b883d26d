import { sample, type Distribution } from '../engine/distributions.js';
import type { PipelineRun } from '../model/world.js';
import { PHASE } from './events.js';
import { registerImageRevision } from './register-task-definition.js';
import { startDeployment } from './service-scheduler.js';
import type { Simulation } from './simulation.js';

export interface PushImage {
  service: string;
  image: string;
  container?: string;
  source: Distribution;
  build: Distribution;
  push: Distribution;
}

/**
 * A CI/CD pipeline run (source -> build -> push -> deploy, as a CodePipeline with an ECS deploy action
 * runs): the stages take their time, then the pipeline registers a task definition revision with the
 * new image and updates the service with it.
 */
export function startPipeline(sim: Simulation, action: PushImage): void {
  const { world, engine } = sim;
  const run: PipelineRun = {
    id: `pipeline-${String(world.pipelines.length + 1).padStart(3, '0')}`,
    service: action.service,
    image: action.image,
    container: action.container,
    stages: { source: action.source, build: action.build, push: action.push },
    startedAt: engine.now,
  };
  world.pipelines.push(run);
  scheduleStage(sim, world.pipelines.length - 1, run.stages.source);
}

/** A stage finished: the next one starts; after the push, the new revision is registered and deployed. */
export function pipelineStageDone(sim: Simulation, index: number): void {
  const run = sim.world.pipelines[index];
  const now = sim.engine.now;
  if (run.sourceDoneAt === undefined) {
    run.sourceDoneAt = now;
    return scheduleStage(sim, index, run.stages.build);
  }
  if (run.buildDoneAt === undefined) {
    run.buildDoneAt = now;
    return scheduleStage(sim, index, run.stages.push);
  }
  run.pushDoneAt = now;
  const service = sim.world.services.get(run.service)!;
  const base = sim.world.taskDefinitions.get(service.deployments[0].taskDefinition)!;
  const td = registerImageRevision(sim, base, run.image, run.container);
  run.taskDefinition = td.key;
  run.deploymentId = startDeployment(sim, service, td.key).id;
}

function scheduleStage(sim: Simulation, index: number, duration: Distribution): void {
  const delay = Math.max(0, Math.round(sample(duration, sim.random.pipelines)));
  sim.engine.after(delay, PHASE.requests, { kind: 'PipelineStageDone', pipeline: index });
}
