import { eq } from 'drizzle-orm';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import { incidents } from '../../schema/index';

/**
 * The incident row, locked for the rest of the transaction: changes to one incident (analysts and
 * the worker appending alerts) apply one after another. NotFoundError outside the scope.
 */
export async function lockIncident(tx: Tx, incidentId: string) {
  const [row] = await tx
    .select({
      tenantId: incidents.tenantId,
      id: incidents.id,
      number: incidents.number,
      status: incidents.status,
      severity: incidents.severity,
      priority: incidents.priority,
      assigneeUserId: incidents.assigneeUserId,
      tags: incidents.tags,
    })
    .from(incidents)
    .where(eq(incidents.id, incidentId))
    .for('update');
  if (!row) throw new NotFoundError('incident not found');
  return row;
}

export type LockedIncident = Awaited<ReturnType<typeof lockIncident>>;
