import { getBranding } from '@palisade/db/queries/branding/get-branding';
import { saveDaemonOutput } from '@palisade/db/queries/daemons/daemon-outputs';
import { incidentLifecycleStats } from '@palisade/db/queries/daemons/incident-analyses';
import { queueEmail } from '@palisade/db/queries/outbox/queue-email';
import { withTenant } from '@palisade/db/with-tenant';
import { renderToBuffer } from '@react-pdf/renderer';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { msspEmailBranding } from '../../../notifications/email-branding';
import { renderEmail } from '../../../notifications/render-email';
import { PlainMessage } from '../../../notifications/templates/plain-message';
import { reportBrand } from '../../../reports/report-brand';
import { defineInternalConnector } from '../../connector';
import { LifecycleReportDocument, lifecycleRows } from './lifecycle-report-document';
import { DEFAULT_RECIPIENTS, Recipients, resolveRecipients } from './recipients';

export const LifecycleReportConfig = z
  .object({
    /** The report covers incidents created in the last N days. */
    days: z.int().min(1).max(366).default(30),
    /** Saved files are downloadable from the daemon's page; emailed sends the figures to the recipients. */
    deliver: z
      .array(z.enum(['save', 'email']))
      .min(1)
      .default(['save']),
    recipients: Recipients.default(DEFAULT_RECIPIENTS),
    timezone: z.string().default('UTC'),
  })
  .strict();

/**
 * Average lifespan, phase durations and investigators over the last N days, as CSV and a branded
 * PDF. The PDF is rendered before the transaction that stores it (CPU only, but slow).
 */
export const lifecycleReportConnector = defineInternalConnector({
  kind: 'lifecycle-report',
  title: 'Incident lifecycle report (CSV + PDF)',
  mode: 'internal',
  output: 'alerts',
  configSchema: LifecycleReportConfig,
  async analyse(ctx) {
    const { tenantId, config, now } = ctx;
    const from = new Date(now.getTime() - config.days * 86_400_000);
    const { stats, branding } = await withTenant(tenantId, async (tx) => ({
      stats: await incidentLifecycleStats(tx, { tenantId, from, to: now }),
      branding: await getBranding(tx, tenantId),
    }));
    const rows = lifecycleRows(stats);
    const csv = stringify([
      ['metric', 'value'],
      ...rows,
      ['from', from.toISOString()],
      ['to', now.toISOString()],
    ]);
    const pdf = await renderToBuffer(
      <LifecycleReportDocument
        brand={await reportBrand(branding)}
        stats={stats}
        timeZone={config.timezone}
      />,
    );
    const day = now.toISOString().slice(0, 10);
    await withTenant(tenantId, async (tx) => {
      if (config.deliver.includes('save')) {
        await saveDaemonOutput(tx, {
          tenantId,
          daemonId: ctx.daemonId,
          fileName: `lifecycle-${day}.csv`,
          mime: 'text/csv',
          bytes: Buffer.from(csv),
        });
        await saveDaemonOutput(tx, {
          tenantId,
          daemonId: ctx.daemonId,
          fileName: `lifecycle-${day}.pdf`,
          mime: 'application/pdf',
          bytes: pdf,
        });
      }
      if (config.deliver.includes('email')) {
        const to = await resolveRecipients(tx, tenantId, config.recipients);
        if (to.length === 0)
          throw new Error('lifecycle report: no recipient (add SOC management contacts or emails)');
        const body = `Incident lifecycle, last ${config.days} days:\n\n${rows.map(([k, v]) => `${k}: ${v}`).join('\n')}`;
        const { html, text } = await renderEmail(
          <PlainMessage branding={await msspEmailBranding(tx)} body={body} />,
        );
        await queueEmail(tx, {
          tenantId,
          idempotencyKey: `${ctx.runKey}:lifecycle`,
          to,
          subject: `Incident lifecycle report (${config.days} days)`,
          html,
          text,
          kind: 'daemon.lifecycle-report',
        });
      }
    });
    return {
      fetched: stats.incidents,
      acted: config.deliver.length,
      summary: `${stats.incidents} incidents, lifespan ${stats.avgLifespanHours ?? '—'} h, ${stats.investigators} investigators`,
    };
  },
});
