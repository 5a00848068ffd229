import { Text } from '@react-email/components';
import { type EmailBranding, EmailLayout } from '../render-email';

/** Blank-line-separated paragraphs, each keyed by where it starts in the text. */
function paragraphsOf(body: string): { at: number; text: string }[] {
  return [...body.matchAll(/[^\n]+(?:\n[^\n]+)*/g)]
    .map((m) => ({ at: m.index, text: m[0] }))
    .filter((p) => p.text.trim() !== '');
}

/** A free-text message (playbook `email.send`): each paragraph keeps its line breaks. */
export function PlainMessage({ branding, body }: { branding: EmailBranding; body: string }) {
  const paragraphs = paragraphsOf(body);
  return (
    <EmailLayout branding={branding} preview={paragraphs[0]?.text.slice(0, 140) ?? ''}>
      {paragraphs.map((p) => (
        <Text
          key={p.at}
          style={{ fontSize: '14px', lineHeight: '22px', whiteSpace: 'pre-line', color: '#0f172a' }}
        >
          {p.text}
        </Text>
      ))}
    </EmailLayout>
  );
}
