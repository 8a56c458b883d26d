/**
 * The EC2 instance-type catalogue: what an instance registers with ECS and what it costs.
 *
 * vCPU, memory, ENI and IPv4-per-ENI figures are the EC2 user guide's; `trunkedAwsvpcTasks` is the
 * ECS "ENI trunking" table's task limit with awsvpcTrunking (undefined: the type does not support
 * trunking). Prices are on-demand Linux us-east-1, USD per hour (see docs/fidelity.md).
 */
export interface InstanceType {
  name: string;
  family: string;
  vcpu: number;
  /** Nominal memory, MiB (the GiB of the EC2 catalogue x 1024). */
  memoryMiB: number;
  maxEnis: number;
  ipv4PerEni: number;
  trunkedAwsvpcTasks?: number;
  architecture: 'x86_64' | 'arm64';
  /** Memory the ECS agent registers, MiB, where AWS documents it for this type. */
  documentedRegisteredMemoryMiB?: number;
  onDemandUsdPerHour: number;
}

type Row = [size: string, vcpu: number, memoryGiB: number, maxEnis: number, ipv4PerEni: number, usdPerHour: number, trunked?: number];

function family(name: string, rows: Row[]): InstanceType[] {
  return rows.map(([size, vcpu, memoryGiB, maxEnis, ipv4PerEni, onDemandUsdPerHour, trunkedAwsvpcTasks]) => ({
    name: `${name}.${size}`,
    family: name,
    vcpu,
    memoryMiB: Math.round(memoryGiB * 1024),
    maxEnis,
    ipv4PerEni,
    trunkedAwsvpcTasks,
    architecture: 'x86_64' as const,
    onDemandUsdPerHour,
  }));
}

const TYPES: InstanceType[] = [
  ...family('t3', [
    ['nano', 2, 0.5, 2, 2, 0.0052],
    ['micro', 2, 1, 2, 2, 0.0104],
    ['small', 2, 2, 3, 4, 0.0208],
    ['medium', 2, 4, 3, 6, 0.0416],
    ['large', 2, 8, 3, 12, 0.0832],
    ['xlarge', 4, 16, 4, 15, 0.1664],
    ['2xlarge', 8, 32, 4, 15, 0.3328],
  ]),
  ...family('m5', [
    ['large', 2, 8, 3, 10, 0.096, 10],
    ['xlarge', 4, 16, 4, 15, 0.192, 20],
    ['2xlarge', 8, 32, 4, 15, 0.384, 40],
    ['4xlarge', 16, 64, 8, 30, 0.768, 60],
    ['8xlarge', 32, 128, 8, 30, 1.536, 60],
    ['12xlarge', 48, 192, 8, 30, 2.304, 60],
    ['16xlarge', 64, 256, 15, 50, 3.072, 120],
    ['24xlarge', 96, 384, 15, 50, 4.608, 120],
  ]),
  ...family('c5', [
    ['large', 2, 4, 3, 10, 0.085, 10],
    ['xlarge', 4, 8, 4, 15, 0.17, 20],
    ['2xlarge', 8, 16, 4, 15, 0.34, 40],
    ['4xlarge', 16, 32, 8, 30, 0.68, 60],
    ['9xlarge', 36, 72, 8, 30, 1.53, 60],
    ['12xlarge', 48, 96, 8, 30, 2.04, 60],
    ['18xlarge', 72, 144, 15, 50, 3.06, 120],
    ['24xlarge', 96, 192, 15, 50, 4.08, 120],
  ]),
  ...family('r5', [
    ['large', 2, 16, 3, 10, 0.126, 10],
    ['xlarge', 4, 32, 4, 15, 0.252, 20],
    ['2xlarge', 8, 64, 4, 15, 0.504, 40],
    ['4xlarge', 16, 128, 8, 30, 1.008, 60],
    ['8xlarge', 32, 256, 8, 30, 2.016, 60],
    ['12xlarge', 48, 384, 8, 30, 3.024, 60],
    ['16xlarge', 64, 512, 15, 50, 4.032, 120],
    ['24xlarge', 96, 768, 15, 50, 6.048, 120],
  ]),
  // Older generations that AWS's own worked examples use (registered memory documented below).
  ...family('c4', [
    ['large', 2, 3.75, 3, 10, 0.1],
    ['xlarge', 4, 7.5, 4, 15, 0.199],
    ['2xlarge', 8, 15, 4, 15, 0.398],
    ['4xlarge', 16, 30, 8, 30, 0.796],
    ['8xlarge', 36, 60, 8, 30, 1.591],
  ]),
  ...family('m4', [['large', 2, 8, 2, 10, 0.1]]),
];

// Registered memory that AWS documents for these types (ECS developer guide: memory management and
// CloudWatch metrics pages; the botocore DescribeContainerInstances example).
const DOCUMENTED_REGISTERED_MEMORY_MIB: Record<string, number> = {
  'c4.large': 3768,
  'c4.4xlarge': 30158,
  'm4.large': 7985,
};
for (const type of TYPES) type.documentedRegisteredMemoryMiB = DOCUMENTED_REGISTERED_MEMORY_MIB[type.name];

export const INSTANCE_TYPES: ReadonlyMap<string, InstanceType> = new Map(TYPES.map((t) => [t.name, t]));

export function instanceType(name: string): InstanceType | undefined {
  return INSTANCE_TYPES.get(name);
}
