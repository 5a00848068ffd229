import { Button, Heading, Section, Text } from '@react-email/components';
import { defang } from '../defang';
import { type EmailBranding, EmailLayout } from '../render-email';

export type Tier1NoticeProps = {
  branding: EmailBranding;
  recipientName: string;
  incident: { number: number; reference: string; title: string; severity: string; summary: string | null };
  artifacts: readonly { type: string; value: string }[];
  portalUrl: string;
};

const SEVERITY_COLOR: Record<string, string> = {
  critical: '#b91c1c',
  high: '#c2410c',
  medium: '#b45309',
  low: '#0369a1',
  info: '#475569',
};
const cell = { padding: '4px 8px', borderBottom: '1px solid #e2e8f0', fontSize: '13px' } as const;

/** The tier 1 notice a client's primary contact gets, in the client's own branding. */
export function Tier1Notice({ branding, recipientName, incident, artifacts, portalUrl }: Tier1NoticeProps) {
  const severity = incident.severity.toUpperCase();
  return (
    <EmailLayout
      branding={branding}
      preview={`${severity} incident ${incident.reference}: ${incident.title}`}
    >
      <Heading as="h1" style={{ fontSize: '20px', color: '#0f172a' }}>
        Incident {incident.reference}: {incident.title}
      </Heading>
      <Text style={{ fontSize: '14px', color: '#0f172a' }}>Hello {recipientName},</Text>
      <Text style={{ fontSize: '14px', color: '#0f172a' }}>
        Our security operations centre opened incident {incident.reference} (number {incident.number}) for{' '}
        {branding.name}. Severity:{' '}
        <span style={{ color: SEVERITY_COLOR[incident.severity] ?? '#0f172a', fontWeight: 700 }}>
          {severity}
        </span>
        .
      </Text>
      {incident.summary ? (
        <Section>
          <Heading as="h2" style={{ fontSize: '16px', color: '#0f172a' }}>
            Summary
          </Heading>
          <Text style={{ fontSize: '14px', color: '#0f172a', whiteSpace: 'pre-line' }}>
            {incident.summary}
          </Text>
        </Section>
      ) : null}
      <Section>
        <Heading as="h2" style={{ fontSize: '16px', color: '#0f172a' }}>
          Artifacts
        </Heading>
        {artifacts.length === 0 ? (
          <Text style={{ fontSize: '14px', color: '#475569' }}>No artifacts to report.</Text>
        ) : (
          <table style={{ borderCollapse: 'collapse', width: '100%' }}>
            <thead>
              <tr>
                <th style={{ ...cell, textAlign: 'left' }}>Type</th>
                <th style={{ ...cell, textAlign: 'left' }}>Value (defanged)</th>
              </tr>
            </thead>
            <tbody>
              {artifacts.map((a) => (
                <tr key={`${a.type}:${a.value}`}>
                  <td style={cell}>{a.type}</td>
                  <td style={{ ...cell, fontFamily: 'monospace', wordBreak: 'break-all' }}>
                    {defang(a.type, a.value)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section style={{ padding: '16px 0' }}>
        <Button
          href={portalUrl}
          style={{
            backgroundColor: branding.accentColor,
            color: '#ffffff',
            padding: '10px 16px',
            borderRadius: '4px',
            fontSize: '14px',
          }}
        >
          Follow the incident in your portal
        </Button>
        <Text style={{ fontSize: '12px', color: '#64748b' }}>{portalUrl}</Text>
      </Section>
    </EmailLayout>
  );
}
