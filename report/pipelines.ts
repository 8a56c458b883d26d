import type { DeploymentRecord, Results } from '../src/results/results.js';
import { escapeHtml } from './escape-html.js';
import { formatClock } from './format.js';
import { rolloutState } from './services.js';
import { section, table, text, type Column } from './table.js';

type Pipeline = Results['pipelines'][number];

/** A pipeline run with the deployment it started, if Results has one by that id. */
interface PipelineRow {
  pipeline: Pipeline;
  deployment: DeploymentRecord | null;
}

const clock = (ms: number | null) => (ms === null ? text(null) : formatClock(ms));

const PIPELINE_COLUMNS: Column<PipelineRow>[] = [
  { header: 'Pipeline', cell: (r) => escapeHtml(r.pipeline.id) },
  { header: 'Service', cell: (r) => escapeHtml(r.pipeline.service) },
  { header: 'Image', cell: (r) => escapeHtml(r.pipeline.image) },
  { header: 'Started', numeric: true, cell: (r) => formatClock(r.pipeline.startedAt) },
  { header: 'Source done', numeric: true, cell: (r) => clock(r.pipeline.sourceDoneAt) },
  { header: 'Build done', numeric: true, cell: (r) => clock(r.pipeline.buildDoneAt) },
  { header: 'Push done', numeric: true, cell: (r) => clock(r.pipeline.pushDoneAt) },
  { header: 'Revision registered', cell: (r) => text(r.pipeline.taskDefinition) },
  { header: 'Deployment started', cell: (r) => text(r.pipeline.deploymentId) },
  { header: 'Rollout state', cell: (r) => (r.deployment === null ? text(null) : rolloutState(r.deployment.rolloutState)) },
];

/** Each pipeline with the deployment it started (null when it started none or Results lacks it). */
export function pipelineRows(results: Results): PipelineRow[] {
  const byId = new Map(results.deployments.map((d) => [d.id, d]));
  return results.pipelines.map((pipeline) => ({
    pipeline,
    deployment: pipeline.deploymentId === null ? null : (byId.get(pipeline.deploymentId) ?? null),
  }));
}

/**
 * CI/CD pipeline runs: when each stage finished, the revision it registered and the deployment it
 * started, with that deployment's rollout state. Nothing when the scenario ran no pipelines.
 */
export function renderPipelinesSection(results: Results): string {
  if (results.pipelines.length === 0) return '';
  const caption =
    '<p class="caption">Each run of a service\'s pipeline: source, build and push, then a new task definition revision and a deployment of it. ' +
    'A dash: the run had not reached that stage by the end. The service charts above mark each run\'s start and push.</p>';
  return `${section('pipelines', 'CI/CD pipelines', `${caption}\n${table('table-pipelines', PIPELINE_COLUMNS, pipelineRows(results))}`)}\n`;
}
