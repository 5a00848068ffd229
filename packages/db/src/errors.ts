/** A scope that does not name exactly the tenant an operation needs (e.g. audit in a multi-tenant scope). */
export class TenantScopeError extends Error {
  readonly code = 'TENANT_SCOPE' as const;
  override readonly name = 'TenantScopeError';
}

/** A row that does not exist in the caller's scope (absent and foreign look the same). */
export class NotFoundError extends Error {
  readonly code = 'NOT_FOUND' as const;
  override readonly name = 'NotFoundError';
}

/** An incident status change the lifecycle does not allow (e.g. closed → assigned). */
export class IncidentTransitionError extends Error {
  readonly code = 'INCIDENT_TRANSITION' as const;
  override readonly name = 'IncidentTransitionError';
}
