import { z } from 'zod';
import { defineAction } from '../action-registry';

/** Why a tier 1 notice was or was not queued. */
export const Tier1Outcome = z.enum([
  'sent',
  'already_sent',
  'rule_disabled',
  'rule_not_matched',
  'no_primary_contact',
  'client_not_identified',
]);

/**
 * Tier 1 client notification: the run's tenant's primary contact gets the incident (number, severity,
 * artifacts, summary, portal link) in the client's branding, when the tenant's tier 1 rule says so.
 * The client is identified in the alert text by its name and aliases (reported, and required with
 * `requireClientMatch`). One email per incident and contact, however often the step runs.
 */
export const notifyTier1 = defineAction({
  id: 'notify.tier1',
  description: "Email the client's primary contact about the incident when its tier 1 rule matches",
  input: z.strictObject({
    incidentId: z.uuid(),
    /** The artifacts to list (e.g. the IOC section's output); the incident's own when absent. Allow-listed ones are left out. */
    artifacts: z
      .array(z.object({ type: z.string().min(1).max(40), value: z.string().min(1).max(2048) }))
      .max(500)
      .optional(),
    /** Replaces the incident's description as the notice's summary. */
    summary: z.string().min(1).max(5000).optional(),
    /** Send only when the alert names the client (shared sources, forwarded mail). */
    requireClientMatch: z.boolean().default(false),
    /** Send even when the tier 1 rule does not match (a manual playbook). */
    ignoreRule: z.boolean().default(false),
  }),
  output: z.object({
    notified: z.boolean(),
    outcome: Tier1Outcome,
    messageId: z.string().nullable(),
    to: z.string().nullable(),
    client: z.object({ matched: z.boolean(), term: z.string().nullable(), field: z.string().nullable() }),
  }),
  sideEffects: true,
  // A dry run reports the notice as it would go out; the recipient is only known at run time.
  dryRunOutput: () => ({
    notified: true,
    outcome: 'sent' as const,
    messageId: 'dry-run',
    to: null,
    client: { matched: false, term: null, field: null },
  }),
});
