import type { SlaEvent } from '@palisade/db/queries/sla/timer-schedule';
import { Button, Heading, Text } from '@react-email/components';
import { type EmailBranding, EmailLayout } from '../notifications/render-email';

export type SlaNoticeProps = {
  branding: EmailBranding;
  event: SlaEvent;
  timerKind: 'assign' | 'resolve';
  incident: { reference: string; title: string; severity: string; status: string; tenantName: string };
  /** The timer's deadline. */
  dueAt: Date;
  link: string;
};

const GOAL = { assign: 'assignment', resolve: 'resolution' } as const;

/** One line naming what happened, used as the subject and the heading. */
export function slaNoticeTitle({
  event,
  timerKind,
  incident,
}: Pick<SlaNoticeProps, 'event' | 'timerKind' | 'incident'>) {
  const what =
    event.kind === 'warning'
      ? `${Math.round(event.fraction * 100)}% of the ${GOAL[timerKind]} SLA used`
      : event.kind === 'breach'
        ? `${GOAL[timerKind]} SLA breached`
        : `${GOAL[timerKind]} SLA escalation step ${event.step}`;
  return `[${incident.severity.toUpperCase()}] ${incident.reference} (${incident.tenantName}): ${what}`;
}

/** Warning, breach or escalation notice: incident number, tenant, severity, deadline and a link. */
export function SlaNotice(props: SlaNoticeProps) {
  const { branding, event, timerKind, incident, dueAt, link } = props;
  const title = slaNoticeTitle(props);
  const unassigned = timerKind === 'assign' && event.kind !== 'warning';
  return (
    <EmailLayout branding={branding} preview={title}>
      <Heading as="h2" style={{ fontSize: '18px', color: '#0f172a' }}>
        {title}
      </Heading>
      {unassigned ? (
        <Text style={{ fontSize: '14px', color: '#b91c1c' }}>
          Nobody has been assigned to this incident yet.
        </Text>
      ) : null}
      <Text style={{ fontSize: '14px', lineHeight: '22px', color: '#0f172a', whiteSpace: 'pre-line' }}>
        {[
          `Incident: ${incident.reference} — ${incident.title}`,
          `Tenant: ${incident.tenantName}`,
          `Severity: ${incident.severity}`,
          `Status: ${incident.status}`,
          `${GOAL[timerKind][0]?.toUpperCase()}${GOAL[timerKind].slice(1)} due: ${dueAt.toISOString()}`,
        ].join('\n')}
      </Text>
      <Button
        href={link}
        style={{
          backgroundColor: branding.primaryColor,
          color: '#ffffff',
          padding: '10px 16px',
          borderRadius: '4px',
        }}
      >
        Open {incident.reference}
      </Button>
      <Text style={{ fontSize: '12px', color: '#64748b' }}>{link}</Text>
    </EmailLayout>
  );
}
