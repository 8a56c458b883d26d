/** CPU units (1024 per vCPU) and MiB: the two resources placement accounts for in this version. */
export interface Resources {
  cpuUnits: number;
  memoryMiB: number;
}

export function fits(need: Resources, remaining: Resources): boolean {
  return need.cpuUnits <= remaining.cpuUnits && need.memoryMiB <= remaining.memoryMiB;
}

/** Reservation as a percentage of registered, the way ECS's CPUReservation/MemoryReservation define it. */
export function reservationPercent(registered: number, remaining: number): number {
  return registered === 0 ? 0 : ((registered - remaining) / registered) * 100;
}
