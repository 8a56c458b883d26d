import { doc, number, object, optional, record, type Infer } from './schema/index.js';

const usd = number({ min: 0 });
const fargateRates = object({ vcpuHour: optional(usd), gbHour: optional(usd) }, { unknownKeys: 'error' });

/**
 * A scenario's own prices, USD, Linux on-demand (another Region's, or negotiated ones). ecsim's built-in
 * catalogue is us-east-1's; what this leaves out is priced from it.
 */
export const pricesSchema = doc(
  object(
    {
      ec2: optional(record(usd, 'an object of instance types to USD per hour')),
      fargate: optional(
        object({ x86_64: optional(fargateRates), arm64: optional(fargateRates), storageGbHour: optional(usd) }, { unknownKeys: 'error' }),
      ),
    },
    { unknownKeys: 'error' },
  ),
  "Your Region's prices (USD per hour; Fargate per vCPU-hour and GB-hour); what you leave out is priced as us-east-1.",
);
export type PricesFile = Infer<typeof pricesSchema>;
