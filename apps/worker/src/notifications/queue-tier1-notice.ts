import type { Tx } from '@palisade/db/client';
import { listTenantContacts } from '@palisade/db/queries/contacts/list-contacts';
import { getTier1Rule } from '@palisade/db/queries/contacts/tier1-rule';
import { getIncident, type IncidentDetail } from '@palisade/db/queries/incidents/get-incident';
import { queueEmail } from '@palisade/db/queries/outbox/queue-email';
import type { notifyTier1 } from '@palisade/playbook/actions/notify-tier1';
import { createElement } from 'react';
import type { z } from 'zod';
import { lookupLists } from '../lists/lookup-lists';
import { clientCandidate } from './client-names';
import { clientEmailBranding } from './email-branding';
import { alertFields, identifyClient } from './identify-client';
import { portalIncidentUrl } from './public-url';
import { renderEmail } from './render-email';
import { Tier1Notice } from './templates/tier1-notice';
import { tier1Decision } from './tier1-decision';

export type Tier1Input = z.output<(typeof notifyTier1)['input']>;
export type Tier1Output = z.input<(typeof notifyTier1)['output']>;

/** What the client identification reads: the incident's own text and each alert's fields. */
function incidentFields(detail: IncidentDetail) {
  const { incident, alerts } = detail;
  return [
    ...alertFields(incident.title, 'incident.title'),
    ...alertFields(incident.description, 'incident.description'),
    ...alerts.flatMap((a, i) =>
      alertFields(
        { title: a.title, rule_name: a.ruleName, hosts: a.hosts, users: a.users, raw: a.raw ?? null },
        `alerts[${i}]`,
      ),
    ),
  ];
}

/**
 * The tier 1 notice for one incident of the transaction's tenant: identify the client in the alert
 * text, leave out allow-listed artifacts, apply the tenant's rule, then queue one branded email to the
 * tenant's primary contact. Only the tenant's own contacts are read (RLS, and the tenant filter below),
 * and the outbox key (incident + contact) makes a second run of the same notice a no-op.
 */
export async function queueTier1Notice(
  tx: Tx,
  tenantId: string,
  input: Tier1Input,
  opts: { publicUrl: string; now: Date },
): Promise<Tier1Output> {
  const detail = await getIncident(tx, { incidentId: input.incidentId, view: 'staff' });
  const [match] = identifyClient(incidentFields(detail), [await clientCandidate(tx, tenantId)]);
  const client = { matched: Boolean(match), term: match?.term ?? null, field: match?.path ?? null };
  const result = (outcome: Tier1Output['outcome']): Tier1Output => ({
    notified: false,
    outcome,
    messageId: null,
    to: null,
    client,
  });
  if (input.requireClientMatch && !match) return result('client_not_identified');

  const listed = input.artifacts ?? detail.artifacts.map((a) => ({ type: a.type, value: a.value }));
  const hits = await lookupLists(tx, { tenantId, targets: listed, lists: ['allow'], now: opts.now });
  const artifacts = hits.filter((h) => h.entries.length === 0).map((h) => h.target);

  if (!input.ignoreRule) {
    const decision = tier1Decision(await getTier1Rule(tx, tenantId), {
      severity: detail.incident.severity,
      artifactTypes: artifacts.map((a) => a.type),
    });
    if (!decision.notify) return result(decision.reason);
  }

  const [contact] = (await listTenantContacts(tx, tenantId, ['primary'])).filter(
    (c) => c.tenantId === tenantId,
  );
  if (!contact) return result('no_primary_contact');

  const { incident } = detail;
  const { html, text } = await renderEmail(
    createElement(Tier1Notice, {
      branding: await clientEmailBranding(tx, tenantId),
      recipientName: contact.name,
      incident: {
        number: incident.number,
        reference: incident.reference,
        title: incident.title,
        severity: incident.severity,
        summary: input.summary ?? incident.description,
      },
      artifacts,
      portalUrl: portalIncidentUrl(opts.publicUrl, incident.id),
    }),
  );
  const subject = `[${incident.severity.toUpperCase()}] Incident ${incident.reference}: ${incident.title}`
    .replace(/\s+/g, ' ')
    .slice(0, 300);
  const queued = await queueEmail(tx, {
    tenantId,
    idempotencyKey: `tier1:${incident.id}:${contact.id}`,
    to: [contact.email],
    subject,
    html,
    text,
    incidentId: incident.id,
    kind: 'tier1',
  });
  return {
    notified: true,
    outcome: queued.created ? 'sent' : 'already_sent',
    messageId: queued.id,
    to: contact.email,
    client,
  };
}
