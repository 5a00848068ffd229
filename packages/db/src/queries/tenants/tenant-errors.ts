/** A tenant change that conflicts with its state (slug taken, delete while active, wrong confirmation). */
export class TenantStateError extends Error {
  readonly code = 'TENANT_STATE' as const;
  override readonly name = 'TenantStateError';
}
