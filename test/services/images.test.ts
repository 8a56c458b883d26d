import { describe, expect, it } from 'vitest';
import { registryKind } from '../../src/model/images.js';
import { run, serviceScenario } from './builders.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1';
const task = (image: string, extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}) => ({
  family: 'web',
  ...extra,
  containerDefinitions: [{ name: 'web', image, cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }], ...container }],
});
const images = (list: object[]) => ({ images: list });

describe('images and registries', () => {
  it.each([
    [IMAGE, 'ecr'],
    ['public.ecr.aws/nginx/nginx:1.25', 'ecr-public'],
    ['nginx:latest', 'dockerhub'],
    ['library/redis', 'dockerhub'],
    ['docker.io/library/redis:7', 'dockerhub'],
    ['registry.example.com/team/app:3', 'private'],
    ['localhost:5000/app', 'private'],
  ])('%s comes from %s', (image, kind) => {
    expect(registryKind(image)).toBe(kind);
  });

  it('pull time is latency + size / bandwidth; the second task on an instance only checks the manifest', () => {
    const scenario = {
      ...serviceScenario({ instances: 1, service: { desiredCount: 2 }, taskDefinitions: [task(IMAGE)] }),
      containerImages: images([{ image: IMAGE, sizeMiB: 300 }]),
    };
    // Default ECR: 100 MiB/s and 0.5 s latency. Both tasks start pulling at once: neither has it cached.
    const both = run(scenario);
    expect(both.tasks.map((t) => t.imagePullMs)).toEqual([3_500, 3_500]);
    // A later task on the same instance finds the image there.
    const later = run({ ...scenario, timeline: [{ at: '10m', updateService: { service: 'web', desiredCount: 3 } }] });
    expect(later.tasks.map((t) => t.imagePullMs)).toEqual([3_500, 3_500, 500]);
    expect(later.tasks[2].startedAt! - later.tasks[2].createdAt).toBe(500 + 5_000 + 1_000);
  });

  it('ECS_IMAGE_PULL_BEHAVIOR once / prefer-cached skip the pull of a cached image', () => {
    const scenario = {
      ...serviceScenario({ instances: 1, service: { desiredCount: 1 }, taskDefinitions: [task(IMAGE)], timeline: [{ at: '10m', updateService: { service: 'web', desiredCount: 2 } }] }),
      containerImages: images([{ image: IMAGE, sizeMiB: 300 }]),
    };
    scenario.cluster.containerInstances[0] = { ...scenario.cluster.containerInstances[0], imagePullBehavior: 'prefer-cached' } as never;
    expect(run(scenario).tasks.map((t) => t.imagePullMs)).toEqual([3_500, 0]);
  });

  it('a failed pull stops the task with CannotPullContainerError', () => {
    const r = run({
      ...serviceScenario({ service: { desiredCount: 1 }, taskDefinitions: [task(IMAGE)], duration: '5m' }),
      containerImages: images([{ image: IMAGE, sizeMiB: 100, pullFailureProbability: 1 }]),
    });
    expect(r.tasks[0]).toMatchObject({ stopCode: 'TaskFailedToStart', stoppedReason: `CannotPullContainerError: failed to pull image ${IMAGE}`, startedAt: null });
  });

  it('a private registry without repositoryCredentials is denied', () => {
    const image = 'registry.example.com/team/web:1';
    const r = run(serviceScenario({ service: { desiredCount: 1 }, taskDefinitions: [task(image)], duration: '5m' }));
    expect(r.tasks[0].stoppedReason).toBe(`CannotPullContainerError: pull access denied for ${image}, repository does not exist or may require 'docker login'`);
  });

  it('registry credentials or secrets without an execution role fail; with one they work', () => {
    const image = 'registry.example.com/team/web:1';
    const credentials = { repositoryCredentials: { credentialsParameter: 'arn:aws:secretsmanager:us-east-1:1:secret:registry' } };
    const without = run(serviceScenario({ service: { desiredCount: 1 }, taskDefinitions: [task(image, {}, credentials)], duration: '5m' }));
    expect(without.tasks[0].stoppedReason).toMatch(/^ResourceInitializationError: unable to pull secrets or registry auth/);
    const role = { executionRoleArn: 'arn:aws:iam::1:role/ecsTaskExecutionRole', taskRoleArn: 'arn:aws:iam::1:role/web' };
    const withRole = run(serviceScenario({ service: { desiredCount: 1 }, taskDefinitions: [task(image, role, credentials)], duration: '5m' }));
    expect(withRole.tasks[0]).toMatchObject({ lastStatus: 'RUNNING', ...role });
    const secrets = { secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:1:parameter/db' }] };
    expect(run(serviceScenario({ service: { desiredCount: 1 }, taskDefinitions: [task('nginx', {}, secrets)], duration: '5m' })).tasks[0].stopCode).toBe('TaskFailedToStart');
  });
});
