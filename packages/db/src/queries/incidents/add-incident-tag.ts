import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { incidents } from '../../schema/index';
import { lockIncident } from './lock-incident';
import { recordIncidentChange } from './record-incident-change';

const Tag = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .transform((s) => s.toLowerCase());

export const IncidentTagInput = z.object({
  incidentId: z.uuid(),
  tag: Tag,
  actorUserId: z.uuid().nullable(),
});
export type IncidentTagInput = z.input<typeof IncidentTagInput>;

const MAX_TAGS = 50;

/** Adds a tag (lower-cased); adding one already there changes nothing and records nothing. */
export async function addIncidentTag(tx: Tx, input: IncidentTagInput) {
  const p = IncidentTagInput.parse(input);
  const current = await lockIncident(tx, p.incidentId);
  if (current.tags.includes(p.tag)) return { id: current.id, tags: current.tags, changed: false };
  const tags = [...current.tags, p.tag].slice(0, MAX_TAGS);
  await tx.update(incidents).set({ tags, updatedAt: new Date() }).where(eq(incidents.id, current.id));
  await recordIncidentChange(tx, {
    tenantId: current.tenantId,
    incidentId: current.id,
    kind: 'tag_added',
    actorUserId: p.actorUserId,
    data: { tag: p.tag },
    clientVisible: false,
    action: 'incident.add_tag',
    before: { tags: current.tags },
    after: { tags },
  });
  return { id: current.id, tags, changed: true };
}

export async function removeIncidentTag(tx: Tx, input: IncidentTagInput) {
  const p = IncidentTagInput.parse(input);
  const current = await lockIncident(tx, p.incidentId);
  if (!current.tags.includes(p.tag)) return { id: current.id, tags: current.tags, changed: false };
  const tags = current.tags.filter((t) => t !== p.tag);
  await tx.update(incidents).set({ tags, updatedAt: new Date() }).where(eq(incidents.id, current.id));
  await recordIncidentChange(tx, {
    tenantId: current.tenantId,
    incidentId: current.id,
    kind: 'tag_removed',
    actorUserId: p.actorUserId,
    data: { tag: p.tag },
    clientVisible: false,
    action: 'incident.remove_tag',
    before: { tags: current.tags },
    after: { tags },
  });
  return { id: current.id, tags, changed: true };
}
