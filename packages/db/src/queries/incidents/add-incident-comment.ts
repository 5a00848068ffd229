import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { commentVisibility, incidentComments, incidents } from '../../schema/index';
import { lockIncident } from './lock-incident';
import { recordIncidentChange } from './record-incident-change';

export const AddIncidentCommentInput = z.object({
  incidentId: z.uuid(),
  body: z.string().trim().min(1).max(10_000),
  visibility: z.enum(commentVisibility.enumValues),
  actorUserId: z.uuid().nullable(),
});
export type AddIncidentCommentInput = z.input<typeof AddIncidentCommentInput>;

/** A comment; `shared` ones (and their timeline entry) are visible to the client. */
export async function addIncidentComment(tx: Tx, input: AddIncidentCommentInput) {
  const p = AddIncidentCommentInput.parse(input);
  const current = await lockIncident(tx, p.incidentId);
  const id = crypto.randomUUID();
  const createdAt = new Date();
  await tx.insert(incidentComments).values({
    tenantId: current.tenantId,
    id,
    incidentId: current.id,
    authorUserId: p.actorUserId,
    body: p.body,
    visibility: p.visibility,
    createdAt,
  });
  await tx.update(incidents).set({ updatedAt: createdAt }).where(eq(incidents.id, current.id));
  await recordIncidentChange(tx, {
    tenantId: current.tenantId,
    incidentId: current.id,
    kind: 'comment_added',
    actorUserId: p.actorUserId,
    data: { commentId: id, visibility: p.visibility },
    clientVisible: p.visibility === 'shared',
    action: 'incident.comment',
    after: { commentId: id, visibility: p.visibility },
  });
  return { id, incidentId: current.id, visibility: p.visibility, createdAt };
}
