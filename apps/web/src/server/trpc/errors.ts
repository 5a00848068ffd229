import type { TRPCError } from '@trpc/server';

/**
 * The only mapping from domain error codes (the `code` field of each package's
 * error classes) to tRPC and HTTP. REST handlers use `.http`; anything not listed
 * is a generic 500.
 */
export const STATUS = {
  NOT_FOUND: { trpc: 'NOT_FOUND', http: 404 },
  // @palisade/db TenantScopeError: an operation needed exactly one tenant of the scope.
  TENANT_SCOPE: { trpc: 'BAD_REQUEST', http: 400 },
  // @palisade/db IncidentTransitionError: a status change the lifecycle does not allow from the current state.
  INCIDENT_TRANSITION: { trpc: 'CONFLICT', http: 409 },
  // playbook: a source or run inputs that do not validate; a run event the engine refused.
  PLAYBOOK_INVALID: { trpc: 'BAD_REQUEST', http: 400 },
  PLAYBOOK_RUN_REFUSED: { trpc: 'CONFLICT', http: 409 },
  // admin (@palisade/db queries/users, tenants): an invitation or reset link that is unknown, used,
  // expired or whose email is taken; a password the rules refuse; a user change that does not fit;
  // a tenant change that conflicts with its state (slug taken, delete while active).
  INVITATION_INVALID: { trpc: 'BAD_REQUEST', http: 400 },
  PASSWORD_RULES: { trpc: 'BAD_REQUEST', http: 400 },
  USER_ADMIN: { trpc: 'BAD_REQUEST', http: 400 },
  TENANT_STATE: { trpc: 'CONFLICT', http: 409 },
} as const satisfies Record<string, { trpc: TRPCError['code']; http: number }>;

export type DomainErrorCode = keyof typeof STATUS;

export interface DomainError extends Error {
  readonly code: DomainErrorCode;
}

export function isDomainError(error: unknown): error is DomainError {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    Object.hasOwn(STATUS, error.code)
  );
}
