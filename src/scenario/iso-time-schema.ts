import { refine, string } from './schema/index.js';

/** An ISO 8601 time, parsed to epoch ms. */
export const isoTime = refine(string({ expected: 'an ISO 8601 time such as "2026-01-01T00:00:00Z"' }), (text, path, ctx) => {
  const epochMs = Date.parse(text);
  return Number.isNaN(epochMs) ? ctx.error(path, `expected an ISO 8601 time such as "2026-01-01T00:00:00Z", got ${JSON.stringify(text)}`) : epochMs;
});
