import { VERSION } from '../version.js';
import { scenarioSchema } from './scenario-schema.js';

/** The JSON Schema of scenario files, for editors (committed as schema/scenario.schema.json). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/ecsim/ecsim/schema/scenario.schema.json',
    title: `ecsim scenario (ecsim ${VERSION})`,
    description: 'A scenario for ecsim, the Amazon ECS cluster simulator. See docs/scenarios.md.',
    ...scenarioSchema.jsonSchema(),
  };
}
