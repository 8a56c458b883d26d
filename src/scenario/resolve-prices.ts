import { US_EAST_1_PRICES, withPrices, type PriceCatalog } from '../cost/prices.js';
import { INSTANCE_TYPES } from '../model/instance-types.js';
import type { ScenarioFile } from './scenario-schema.js';
import type { ParseContext } from './schema/index.js';

/**
 * The catalogue cost is computed from. Instance types the scenario prices must be ones ecsim knows; a
 * Region other than us-east-1 without prices of its own is priced as us-east-1, and the run says so.
 */
export function resolvePrices(file: ScenarioFile, ctx: ParseContext): PriceCatalog {
  for (const type of Object.keys(file.prices?.ec2 ?? {})) {
    if (!INSTANCE_TYPES.has(type)) ctx.error(`prices.ec2.${type}`, `unknown instance type "${type}"`);
  }
  if (file.region !== 'us-east-1' && file.prices === undefined) {
    ctx.note('region', `no prices given for ${file.region}: cost is computed at ecsim's us-east-1 prices (set prices: to your Region's)`);
  }
  return withPrices(US_EAST_1_PRICES, file.prices ?? {});
}
