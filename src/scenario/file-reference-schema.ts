import { INPUT_KINDS, type InputKindName } from './aws-cli-output.js';
import type { Schema } from './schema/index.js';

/**
 * An AWS input entry that may also be written `{ file: path, ...overrides }` or as the AWS CLI prints it.
 * Parsing is the item's own: file-references.ts has replaced references and unwrapped output shapes
 * before the schema runs. Only the JSON Schema (for editors) says what else an entry may be.
 */
export function fileReferable<T>(item: Schema<T>, kind: InputKindName): Schema<T> {
  const { what } = INPUT_KINDS[kind];
  const reference = {
    type: 'object',
    description: `A JSON or YAML file holding ${what} (relative to the scenario file), as an input or as the AWS CLI prints it; other keys here override the file's top-level fields.`,
    properties: { file: { type: 'string', minLength: 1 } },
    required: ['file'],
    additionalProperties: true,
  };
  return {
    ...item,
    parse: item.parse.bind(item),
    jsonSchema: () => {
      const input = item.jsonSchema();
      return { anyOf: [input, reference, ...INPUT_KINDS[kind].outputShapes()], ...(item.description ? { description: item.description } : {}) };
    },
  };
}
