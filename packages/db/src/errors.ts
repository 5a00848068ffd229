/** A scope that does not name exactly the tenant an operation needs (e.g. audit in a multi-tenant scope). */
export class TenantScopeError extends Error {
  readonly code = 'TENANT_SCOPE' as const;
  override readonly name = 'TenantScopeError';
}
