/** ecsim's library API: load a scenario, simulate it, read the Results. */
export { simulate, SimulationStopped, type SimulateOptions } from './simulate.js';
export { loadScenario, parseScenario, type LoadOptions, type LoadResult } from './scenario/load-scenario.js';
export type { ScenarioSpec, RunTaskSource } from './scenario/scenario-spec.js';
export type { Problem } from './scenario/schema/index.js';
export { scenarioJsonSchema } from './scenario/json-schema.js';
export { fromCloudFormation, parseCloudFormationYaml, type CloudFormationParts } from './scenario/cloudformation.js';
export { InvariantViolation } from './checks/invariants.js';
export type { LogRecord } from './cluster/event-log.js';
export type * from './results/results.js';
export { VERSION } from './version.js';
export * as engine from './engine/index.js';
