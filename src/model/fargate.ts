/**
 * Fargate task sizes (DG AWS Fargate: task CPU and memory): each CPU value allows memory from a minimum
 * to a maximum in steps (MiB).
 */
const SIZES: { cpu: number; memory: number[] }[] = [
  { cpu: 256, memory: [512, 1024, 2048] },
  { cpu: 512, memory: range(1024, 4096, 1024) },
  { cpu: 1024, memory: range(2048, 8192, 1024) },
  { cpu: 2048, memory: range(4096, 16_384, 1024) },
  { cpu: 4096, memory: range(8192, 30_720, 1024) },
  { cpu: 8192, memory: range(16_384, 61_440, 4096) },
  { cpu: 16_384, memory: range(32_768, 122_880, 8192) },
];

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m += step) out.push(m);
  return out;
}

export function isValidFargateSize(cpuUnits: number, memoryMiB: number): boolean {
  return SIZES.some((s) => s.cpu === cpuUnits && s.memory.includes(memoryMiB));
}

/**
 * The smallest Fargate size with at least this CPU and memory (fewest CPU units first, then least
 * memory), as the DG advises sizing a Fargate task: sum what the containers need, then round up to the
 * nearest Fargate size. Undefined when none is that big.
 */
export function roundUpToFargateSize(cpuUnits: number, memoryMiB: number): { cpuUnits: number; memoryMiB: number } | undefined {
  for (const size of SIZES) {
    if (size.cpu < cpuUnits) continue;
    const memory = size.memory.find((m) => m >= memoryMiB);
    if (memory !== undefined) return { cpuUnits: size.cpu, memoryMiB: memory };
  }
  return undefined;
}

/** ECS's words for a size Fargate does not offer. */
export function invalidFargateSize(cpuUnits: number | undefined, memoryMiB: number | undefined): string {
  return `No Fargate configuration exists for given values: ${cpuUnits ?? 'no'} CPU, ${memoryMiB ?? 'no'} memory. See the Amazon ECS documentation for the valid values.`;
}

/** Ephemeral storage beyond the 20 GB included, per GB-hour (AWS Fargate pricing). */
export const FARGATE_STORAGE_GB_HOUR = 0.000111;

/** Fargate prices, us-east-1 Linux (DG / AWS Fargate pricing): per vCPU-hour and per GB-hour. */
export const FARGATE_PRICES = {
  x86_64: { vcpuHour: 0.04048, gbHour: 0.004445 },
  arm64: { vcpuHour: 0.03238, gbHour: 0.00356 },
} as const;
