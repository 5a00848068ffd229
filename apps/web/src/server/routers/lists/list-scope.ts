import { TRPCError } from '@trpc/server';
import { z } from 'zod';

/** `mssp`: the MSSP-wide list every tenant inherits; only MSSP admins change it. */
export const ListScopeInput = z.enum(['tenant', 'mssp']);
export type ListScopeInput = z.infer<typeof ListScopeInput>;

export function assertMayEdit(scope: ListScopeInput, actor: { role: string }): void {
  if (scope === 'mssp' && actor.role !== 'mssp_admin') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'only MSSP admins change MSSP-wide lists' });
  }
}
