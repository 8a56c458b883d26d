import type { Millis } from '../engine/time.js';
import type { TaskDefinition } from './task-definition.js';

export type RegistryKind = 'ecr' | 'ecr-public' | 'dockerhub' | 'private';

export interface RegistrySpec {
  bandwidthMiBps: number;
  /** Round trip for the manifest and authentication, paid on every pull, cached or not. */
  latencyMs: Millis;
}

export interface ImageSpec {
  image: string;
  sizeMiB: number;
  pullFailureProbability: number;
}

/** ECS_IMAGE_PULL_BEHAVIOR (agent README): `default` pulls and falls back to the cache on failure. */
export type ImagePullBehavior = 'default' | 'always' | 'once' | 'prefer-cached';

/**
 * Where an image comes from, by its name: `<account>.dkr.ecr.<region>.amazonaws.com/...` is Amazon ECR,
 * `public.ecr.aws/...` ECR Public, a name whose first part is a host (has a `.` or `:`, or is
 * `localhost`) another registry, anything else Docker Hub.
 */
export function registryKind(image: string): RegistryKind {
  const known = KINDS.get(image);
  if (known) return known;
  const kind = classify(image);
  KINDS.set(image, kind);
  return kind;
}

/** A memo of `classify`: a pure function of the image name, so caching it changes no result. */
const KINDS = new Map<string, RegistryKind>();

function classify(image: string): RegistryKind {
  if (/^\d{12}\.dkr\.ecr\.[^/]+\.amazonaws\.com(\.cn)?\//.test(image)) return 'ecr';
  if (image.startsWith('public.ecr.aws/')) return 'ecr-public';
  const first = image.split('/')[0];
  if (image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') && first !== 'docker.io') return 'private';
  return 'dockerhub';
}

export interface PullOutcome {
  /** How long the pulls keep the task in PENDING (containers pull in parallel). */
  delayMs: Millis;
  /** Why the task cannot start, when a pull fails: the stopped reason. */
  failure?: string;
  /** Images now on the instance once the task starts. */
  pulled: string[];
}

/**
 * Pulling a task's images on one instance (ASSUMPTIONS in docs/fidelity.md): each image takes the
 * registry's latency plus size / bandwidth; an image already on the instance needs only the latency
 * (`default`, `always` re-checks the manifest; layers are cached) or nothing (`once`, `prefer-cached`).
 * Images the scenario does not list are taken as already present. Containers pull in parallel.
 * A private registry needs repositoryCredentials, read with the task execution role; secrets need the
 * execution role too.
 */
export function pullImages(
  td: TaskDefinition,
  onInstance: ReadonlySet<string>,
  behavior: ImagePullBehavior,
  images: ReadonlyMap<string, ImageSpec>,
  registries: Readonly<Record<RegistryKind, RegistrySpec>>,
  random: { uniform(): number },
  /** The size of images the scenario does not list (Fargate has none present); undefined: taken as present. */
  unlistedSizeMiB?: number,
): PullOutcome {
  let delayMs = 0;
  const pulled: string[] = [];
  for (const container of td.containers) {
    const kind = registryKind(container.image);
    const registry = registries[kind];
    if (kind === 'private' && container.repositoryCredentials === undefined) {
      return { delayMs: registry.latencyMs, failure: `CannotPullContainerError: pull access denied for ${container.image}, repository does not exist or may require 'docker login'`, pulled: [] };
    }
    if ((container.repositoryCredentials !== undefined || container.secrets > 0) && td.executionRoleArn === undefined) {
      return {
        delayMs: 0,
        failure: 'ResourceInitializationError: unable to pull secrets or registry auth: the task definition has no execution role (executionRoleArn) to retrieve them',
        pulled: [],
      };
    }
    const spec = images.get(container.image) ?? (unlistedSizeMiB === undefined ? undefined : { image: container.image, sizeMiB: unlistedSizeMiB, pullFailureProbability: 0 });
    if (!spec) continue;
    const cached = onInstance.has(container.image);
    const transfer = cached && behavior !== 'always' ? 0 : (spec.sizeMiB / registry.bandwidthMiBps) * 1000;
    const manifest = cached && (behavior === 'once' || behavior === 'prefer-cached') ? 0 : registry.latencyMs;
    const time = Math.round(manifest + transfer);
    if (manifest > 0 && spec.pullFailureProbability > 0 && random.uniform() < spec.pullFailureProbability && !(cached && behavior === 'default')) {
      return { delayMs: time, failure: `CannotPullContainerError: failed to pull image ${container.image}`, pulled: [] };
    }
    delayMs = Math.max(delayMs, time);
    pulled.push(container.image);
  }
  return { delayMs, pulled };
}
