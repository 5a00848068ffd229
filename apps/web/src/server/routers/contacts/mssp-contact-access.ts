import { TRPCError } from '@trpc/server';

/** MSSP-wide contacts (SOC management) belong to no tenant: only MSSP admins change them. */
export function assertMsspAdmin(actor: { role: string }): void {
  if (actor.role !== 'mssp_admin') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'only MSSP admins change MSSP contacts' });
  }
}
