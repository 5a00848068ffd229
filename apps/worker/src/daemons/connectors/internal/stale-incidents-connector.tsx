import type { Tx } from '@palisade/db/database';
import { findStaleIncidents } from '@palisade/db/queries/daemons/incident-analyses';
import { incidentReference } from '@palisade/db/queries/incidents/incident-reference';
import { queueEmail } from '@palisade/db/queries/outbox/queue-email';
import { withTenant } from '@palisade/db/with-tenant';
import { z } from 'zod';
import { msspEmailBranding } from '../../../notifications/email-branding';
import { renderEmail } from '../../../notifications/render-email';
import { PlainMessage } from '../../../notifications/templates/plain-message';
import { defineInternalConnector } from '../../connector';
import { DEFAULT_RECIPIENTS, Recipients, resolveRecipients } from './recipients';

export const StaleIncidentsConfig = z
  .object({
    /** An incident still `new` and unassigned after this many hours is stale. */
    olderThanHours: z
      .int()
      .min(1)
      .max(24 * 90)
      .default(4),
    recipients: Recipients.default(DEFAULT_RECIPIENTS),
    /** Incidents looked at per run, oldest first. */
    limit: z.int().min(1).max(1000).default(200),
  })
  .strict();

/**
 * Incidents nobody took: one email per stale incident to the responsible team, sent once (the
 * idempotency key is the daemon and the incident), through the outbox like every email.
 */
export const staleIncidentsConnector = defineInternalConnector({
  kind: 'stale-incidents',
  title: 'Stale incident check (open and unassigned too long → email)',
  mode: 'internal',
  output: 'alerts',
  configSchema: StaleIncidentsConfig,
  async analyse(ctx) {
    const { tenantId, config, now } = ctx;
    return withTenant(tenantId, async (tx: Tx) => {
      const stale = await findStaleIncidents(tx, {
        tenantId,
        olderThanHours: config.olderThanHours,
        now,
        limit: config.limit,
      });
      if (stale.length === 0) return { fetched: 0, acted: 0, summary: 'no stale incident' };
      const to = await resolveRecipients(tx, tenantId, config.recipients);
      if (to.length === 0)
        throw new Error('stale incidents found but no recipient: add SOC management contacts or emails');
      const branding = await msspEmailBranding(tx);
      let queued = 0;
      for (const i of stale) {
        const ref = incidentReference(i.number);
        const body = `${ref} "${i.title}" (${i.severity}) has been open and unassigned for ${i.ageHours} hours.\n\nPlease assign it.`;
        const { html, text } = await renderEmail(<PlainMessage branding={branding} body={body} />);
        const r = await queueEmail(tx, {
          tenantId,
          idempotencyKey: `daemon:${ctx.daemonId}:stale:${i.id}`,
          to,
          subject: `Unassigned for ${i.ageHours} h: ${ref} ${i.title}`.slice(0, 300),
          html,
          text,
          incidentId: i.id,
          kind: 'daemon.stale-incident',
        });
        if (r.created) queued++;
      }
      return {
        fetched: stale.length,
        acted: queued,
        summary: `${stale.length} stale, ${queued} newly reported`,
      };
    });
  },
});
