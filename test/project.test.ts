import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../src/scenario/json-schema.js';
import { VERSION } from '../src/version.js';

const ROOT = join(__dirname, '..');

describe('the project', () => {
  it("VERSION equals package.json's version", () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('the committed JSON Schema is the one the code generates (run `npm run schema` after changing the format)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'schema/scenario.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
});
