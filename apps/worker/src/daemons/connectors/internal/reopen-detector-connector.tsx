import type { Tx } from '@palisade/db/database';
import { findReopenedIncidents } from '@palisade/db/queries/daemons/incident-analyses';
import { addIncidentTag } from '@palisade/db/queries/incidents/add-incident-tag';
import { incidentReference } from '@palisade/db/queries/incidents/incident-reference';
import { queueEmail } from '@palisade/db/queries/outbox/queue-email';
import { withTenant } from '@palisade/db/with-tenant';
import { z } from 'zod';
import { msspEmailBranding } from '../../../notifications/email-branding';
import { renderEmail } from '../../../notifications/render-email';
import { PlainMessage } from '../../../notifications/templates/plain-message';
import { defineInternalConnector } from '../../connector';
import { DEFAULT_RECIPIENTS, Recipients, resolveRecipients } from './recipients';

export const ReopenDetectorConfig = z
  .object({
    /** Reopenings looked for in the last N days. */
    days: z.int().min(1).max(365).default(7),
    tag: z
      .string()
      .regex(/^[a-z0-9][a-z0-9:_-]{0,39}$/)
      .default('reopened'),
    /** Email a report of newly flagged incidents (none: tag only). */
    report: z.boolean().default(true),
    recipients: Recipients.default(DEFAULT_RECIPIENTS),
  })
  .strict();

/**
 * Closed-then-reopened incidents: each gets the tag (once, on its timeline), and the newly
 * flagged ones are reported in one email per run (idempotent per run key).
 */
export const reopenDetectorConnector = defineInternalConnector({
  kind: 'reopen-detector',
  title: 'Reopen detector (tag reopened incidents and report them)',
  mode: 'internal',
  output: 'alerts',
  configSchema: ReopenDetectorConfig,
  async analyse(ctx) {
    const { tenantId, config, now } = ctx;
    const since = new Date(now.getTime() - config.days * 86_400_000);
    return withTenant(tenantId, async (tx: Tx) => {
      const reopened = await findReopenedIncidents(tx, { tenantId, since });
      const flagged = [];
      for (const i of reopened) {
        const r = await addIncidentTag(tx, { incidentId: i.id, tag: config.tag, actorUserId: null });
        if (r.changed) flagged.push(i);
      }
      if (flagged.length > 0 && config.report) {
        const to = await resolveRecipients(tx, tenantId, config.recipients);
        if (to.length > 0) {
          const lines = flagged.map(
            (i) =>
              `${incidentReference(i.number)} "${i.title}": reopened ${i.reopens}×, last ${i.lastReopenedAt.toISOString()}`,
          );
          const body = `${flagged.length} incident(s) were reopened after being resolved or closed:\n\n${lines.join('\n')}`;
          const { html, text } = await renderEmail(
            <PlainMessage branding={await msspEmailBranding(tx)} body={body} />,
          );
          await queueEmail(tx, {
            tenantId,
            idempotencyKey: `${ctx.runKey}:reopened`,
            to,
            subject: `${flagged.length} reopened incident(s)`,
            html,
            text,
            kind: 'daemon.reopen-report',
          });
        }
      }
      return {
        fetched: reopened.length,
        acted: flagged.length,
        summary: `${reopened.length} reopened in ${config.days} d, ${flagged.length} newly tagged '${config.tag}'`,
      };
    });
  },
});
