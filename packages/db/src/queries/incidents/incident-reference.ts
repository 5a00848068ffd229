/** `INC-000123`: the per-tenant number as analysts and clients quote it. */
export function incidentReference(number: number): string {
  return `INC-${String(number).padStart(6, '0')}`;
}
