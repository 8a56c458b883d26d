import { FARGATE_PRICES, FARGATE_STORAGE_GB_HOUR } from '../model/fargate.js';
import { INSTANCE_TYPES } from '../model/instance-types.js';

/** Billing rules (EC2 Linux and Fargate): per second, with a one-minute minimum. */
export const MINIMUM_BILLED_MS = 60_000;

/** USD per vCPU-hour and per GB-hour of Fargate, for one CPU architecture. */
export interface FargateRates {
  vcpuHour: number;
  gbHour: number;
}

/** The prices of one Region, Linux, on-demand: what a run's cost is computed from. */
export interface PriceCatalog {
  /** USD per hour by EC2 instance type. */
  ec2: Readonly<Record<string, number>>;
  fargate: { x86_64: FargateRates; arm64: FargateRates; storageGbHour: number };
}

/** us-east-1 (the built-in catalogue): the instance types' on-demand prices and AWS Fargate pricing. */
export const US_EAST_1_PRICES: PriceCatalog = {
  ec2: Object.fromEntries([...INSTANCE_TYPES.values()].map((t) => [t.name, t.onDemandUsdPerHour])),
  fargate: { x86_64: FARGATE_PRICES.x86_64, arm64: FARGATE_PRICES.arm64, storageGbHour: FARGATE_STORAGE_GB_HOUR },
};

/** A scenario's own prices (another Region's, or a discount agreement); whatever it leaves out stays as in `base`. */
export interface PriceOverrides {
  ec2?: Readonly<Record<string, number>>;
  fargate?: { x86_64?: Partial<FargateRates>; arm64?: Partial<FargateRates>; storageGbHour?: number };
}

export function withPrices(base: PriceCatalog, overrides: PriceOverrides): PriceCatalog {
  const f = overrides.fargate ?? {};
  return {
    ec2: { ...base.ec2, ...overrides.ec2 },
    fargate: {
      x86_64: { ...base.fargate.x86_64, ...f.x86_64 },
      arm64: { ...base.fargate.arm64, ...f.arm64 },
      storageGbHour: f.storageGbHour ?? base.fargate.storageGbHour,
    },
  };
}

/** On-demand USD per hour of an EC2 instance; Spot at the scenario's discount (ASSUMPTION: Spot prices vary). */
export function instanceUsdPerHour(type: string, purchase: 'on-demand' | 'spot', spotDiscount: number, prices: PriceCatalog = US_EAST_1_PRICES): number {
  const price = prices.ec2[type] ?? 0;
  return purchase === 'spot' ? price * (1 - spotDiscount) : price;
}

/** USD per hour of a Fargate task: vCPU-hours and GB-hours at the x86 or ARM price, Spot at its discount. */
export function fargateUsdPerHour(cpuUnits: number, memoryMiB: number, architecture: 'X86_64' | 'ARM64', spot: boolean, spotDiscount: number, storageGiB = 20, prices: PriceCatalog = US_EAST_1_PRICES): number {
  const p = architecture === 'ARM64' ? prices.fargate.arm64 : prices.fargate.x86_64;
  const price = (cpuUnits / 1024) * p.vcpuHour + (memoryMiB / 1024) * p.gbHour + Math.max(0, storageGiB - 20) * prices.fargate.storageGbHour;
  return spot ? price * (1 - spotDiscount) : price;
}

/** What a span of use costs: per second, at least a minute. */
export function billedUsd(usdPerHour: number, fromMs: number, toMs: number): number {
  return (usdPerHour * Math.max(MINIMUM_BILLED_MS, toMs - fromMs)) / 3_600_000;
}
