import { FARGATE_PRICES, FARGATE_STORAGE_GB_HOUR } from '../model/fargate.js';
import { instanceType } from '../model/instance-types.js';

/** Billing rules (EC2 Linux and Fargate): per second, with a one-minute minimum. */
export const MINIMUM_BILLED_MS = 60_000;

/** On-demand USD per hour of an EC2 instance; Spot at the scenario's discount (ASSUMPTION: Spot prices vary). */
export function instanceUsdPerHour(type: string, purchase: 'on-demand' | 'spot', spotDiscount: number): number {
  const price = instanceType(type)?.onDemandUsdPerHour ?? 0;
  return purchase === 'spot' ? price * (1 - spotDiscount) : price;
}

/** USD per hour of a Fargate task: vCPU-hours and GB-hours at the x86 or ARM price, Spot at its discount. */
export function fargateUsdPerHour(cpuUnits: number, memoryMiB: number, architecture: 'X86_64' | 'ARM64', spot: boolean, spotDiscount: number, storageGiB = 20): number {
  const p = architecture === 'ARM64' ? FARGATE_PRICES.arm64 : FARGATE_PRICES.x86_64;
  const price = (cpuUnits / 1024) * p.vcpuHour + (memoryMiB / 1024) * p.gbHour + Math.max(0, storageGiB - 20) * FARGATE_STORAGE_GB_HOUR;
  return spot ? price * (1 - spotDiscount) : price;
}

/** What a span of use costs: per second, at least a minute. */
export function billedUsd(usdPerHour: number, fromMs: number, toMs: number): number {
  return (usdPerHour * Math.max(MINIMUM_BILLED_MS, toMs - fromMs)) / 3_600_000;
}
