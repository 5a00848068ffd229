import { Body, Container, Head, Hr, Html, Img, Preview, Section, Text } from '@react-email/components';
import { render } from '@react-email/render';
import type { ReactElement, ReactNode } from 'react';

/**
 * How an email looks: the client's own branding when the recipient is the client (tier 1 notices,
 * reports), the MSSP's otherwise (SOC management, playbook mail to staff).
 */
export type EmailBranding = {
  /** Shown in the header and the footer ("Sent by …"). */
  name: string;
  /** #rrggbb */
  primaryColor: string;
  /** #rrggbb */
  accentColor: string;
  /** An image URL or data: URI; omitted when the brand has no logo. */
  logoSrc?: string | null;
  /** Legal or contact line under every message. */
  footer?: string | null;
};

/** The MSSP's own look, for mail that does not go to a client. */
export const MSSP_BRANDING: EmailBranding = {
  name: 'Palisade SOC',
  primaryColor: '#0f172a',
  accentColor: '#0ea5e9',
  logoSrc: null,
  footer: 'This message was sent by the security operations centre.',
};

/** Header, body and footer every Palisade email shares. */
export function EmailLayout({
  branding,
  preview,
  children,
}: {
  branding: EmailBranding;
  /** The inbox preview line. */
  preview: string;
  children: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#f1f5f9', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0 }}>
        <Container style={{ backgroundColor: '#ffffff', maxWidth: '600px', margin: '24px auto' }}>
          <Section style={{ backgroundColor: branding.primaryColor, padding: '16px 24px' }}>
            {branding.logoSrc ? (
              <Img src={branding.logoSrc} alt={branding.name} height="32" style={{ display: 'block' }} />
            ) : (
              <Text style={{ color: '#ffffff', fontSize: '18px', fontWeight: 700, margin: 0 }}>
                {branding.name}
              </Text>
            )}
          </Section>
          <Section style={{ padding: '8px 24px 16px', borderTop: `4px solid ${branding.accentColor}` }}>
            {children}
          </Section>
          <Hr style={{ borderColor: '#e2e8f0', margin: 0 }} />
          <Section style={{ padding: '12px 24px' }}>
            <Text style={{ color: '#64748b', fontSize: '12px', margin: 0 }}>
              {branding.footer ?? `Sent by ${branding.name}.`}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

/** HTML for the message body and its plain-text alternative, from one React element. */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
