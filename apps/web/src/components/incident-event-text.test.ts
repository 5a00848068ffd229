import { describe, expect, it } from 'vitest';
import { incidentEventText } from './incident-event-text';

const names = (id: string) => ({ u1: 'Bob Analyst' })[id];

describe('incidentEventText', () => {
  it.each([
    [{ kind: 'created', data: { alertCount: 3 } }, 'Incident created from 3 alerts'],
    [{ kind: 'created', data: {} }, 'Incident created'],
    [{ kind: 'alert_added', data: { alertCount: 1 } }, '1 alert added'],
    [
      { kind: 'status_changed', data: { from: 'assigned', to: 'in_progress' } },
      'Status: assigned → in progress',
    ],
    [
      { kind: 'status_changed', data: { from: 'closed', to: 'new', reopened: true } },
      'Reopened: closed → new',
    ],
    [{ kind: 'assigned', data: { from: null, to: 'u1' } }, 'Assigned to Bob Analyst'],
    [{ kind: 'assigned', data: { from: 'u1', to: 'u2' } }, 'Assigned to someone'],
    [{ kind: 'assigned', data: { from: 'u1', to: null } }, 'Unassigned'],
    [{ kind: 'severity_changed', data: { from: 'low', to: 'high' } }, 'Severity: low → high'],
    [{ kind: 'priority_changed', data: { from: 'p3', to: 'p1' } }, 'Priority: P3 → P1'],
    [{ kind: 'tag_added', data: { tag: 'phishing' } }, 'Tag added: phishing'],
    [{ kind: 'comment_added', data: { visibility: 'shared' } }, 'Comment shared with the client'],
    [{ kind: 'comment_added', data: { visibility: 'internal' } }, 'Internal comment'],
    [
      { kind: 'source_alert_close', data: { dataSourceName: 'Splunk ES', outcome: 'closed', final: true } },
      'Source alert closed in Splunk ES',
    ],
    [
      {
        kind: 'source_alert_close',
        data: {
          dataSourceName: 'Elastic',
          outcome: 'failed',
          attempt: 2,
          maxAttempts: 6,
          final: false,
          message: 'Elastic: HTTP 503',
        },
      },
      'Closing the source alert in Elastic failed (attempt 2 of 6, will retry): Elastic: HTTP 503',
    ],
    [
      {
        kind: 'source_alert_close',
        data: { dataSourceName: 'Webhook', outcome: 'failed', final: true, message: 'Webhook: HTTP 410' },
      },
      'Closing the source alert in Webhook failed (gave up): Webhook: HTTP 410',
    ],
    [
      { kind: 'sla_warning', data: { timer: 'resolve', fraction: 0.75, notify: ['assignee'] } },
      'Resolution SLA: 75% of the time used — notifying the assignee',
    ],
    [
      { kind: 'sla_breached', data: { timer: 'assign', notify: ['soc_management'] } },
      'Assignment SLA breached — notifying SOC management',
    ],
    [
      { kind: 'sla_escalated', data: { timer: 'resolve', step: 2, notify: ['escalation'] } },
      "Resolution SLA escalation step 2 — notifying the client's escalation contacts",
    ],
  ] as const)('%j → %s', (event, want) => {
    expect(incidentEventText({ kind: event.kind, data: { ...event.data } }, names)).toBe(want);
  });
});
