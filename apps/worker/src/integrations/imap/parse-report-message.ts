import { createHash } from 'node:crypto';
import { extract } from '@palisade/ioc/extract';
import { type AddressObject, type Attachment, simpleParser } from 'mailparser';

export type MailAddress = { name: string; address: string };
export type MailAttachment = { filename: string | null; contentType: string; size: number; sha256: string };

/** A reported mail as the alert's external event. */
export type ReportMessage = {
  messageId: string | null;
  subject: string;
  date: string | null;
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  replyTo: MailAddress[];
  /** Every header, lowercase name → value(s) as text. */
  headers: Record<string, string | string[]>;
  text: string;
  textTruncated: boolean;
  attachments: MailAttachment[];
  /** Mails attached to the report (message/rfc822: the phish forwarded "as attachment"). */
  attachedMessages: Omit<ReportMessage, 'attachedMessages' | 'iocs'>[];
  /** IOCs of subject, sender, routing headers, bodies, links, attachment names and hashes. */
  iocs: { type: string; value: string }[];
};

/** Headers whose values name hosts, addresses or links that matter for a phish (not DKIM blobs or ids). */
const IOC_HEADERS = [
  'from',
  'reply-to',
  'return-path',
  'sender',
  'received',
  'x-originating-ip',
  'x-sender-ip',
  'x-mailer-ip',
  'list-unsubscribe',
  'authentication-results',
];

function addresses(a: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const list = Array.isArray(a) ? a : a ? [a] : [];
  return list.flatMap((o) => o.value).map((v) => ({ name: v.name ?? '', address: v.address ?? '' }));
}

function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && 'text' in value && typeof value.text === 'string')
    return value.text;
  if (value && typeof value === 'object' && 'value' in value) {
    const v = (value as { value: unknown; params?: Record<string, string> }).value;
    const params = (value as { params?: Record<string, string> }).params ?? {};
    return [String(v), ...Object.entries(params).map(([k, p]) => `${k}=${p}`)].join('; ');
  }
  return JSON.stringify(value);
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

type Parsed = Omit<ReportMessage, 'attachedMessages' | 'iocs'> & { html: string; nested: Attachment[] };

async function parseOne(source: Buffer | string, maxText: number): Promise<Parsed> {
  const mail = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true });
  const headers: Record<string, string | string[]> = {};
  for (const line of mail.headerLines) {
    const value = line.line.slice(line.line.indexOf(':') + 1).trim();
    const prev = headers[line.key];
    headers[line.key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  // headerLines are raw; structured values (dates, content-type) read better decoded.
  for (const [key, value] of mail.headers) if (!(key in headers)) headers[key] = headerText(value);
  const text = mail.text ?? '';
  return {
    messageId: mail.messageId ?? null,
    subject: mail.subject ?? '',
    date: mail.date ? mail.date.toISOString() : null,
    from: addresses(mail.from),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    replyTo: addresses(mail.replyTo),
    headers,
    text: text.slice(0, maxText),
    textTruncated: text.length > maxText,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      size: a.size,
      sha256: sha256(a.content),
    })),
    html: typeof mail.html === 'string' ? mail.html : '',
    nested: mail.attachments.filter((a) => a.contentType === 'message/rfc822'),
  };
}

function iocsOf(messages: Parsed[]): { type: string; value: string }[] {
  const seen = new Set<string>();
  const out: { type: string; value: string }[] = [];
  const add = (type: string, value: string) => {
    const key = `${type}\u0000${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ type, value });
  };
  for (const m of messages) {
    const scanned = {
      subject: m.subject,
      from: m.from.map((a) => a.address),
      replyTo: m.replyTo.map((a) => a.address),
      headers: Object.fromEntries(IOC_HEADERS.filter((h) => h in m.headers).map((h) => [h, m.headers[h]])),
      body: m.text,
      // Links hide in href attributes that the text rendering may drop.
      html: m.html,
      attachmentNames: m.attachments.map((a) => a.filename).filter((n): n is string => n !== null),
    };
    for (const ioc of extract(scanned)) add(ioc.type, ioc.value);
    for (const a of m.attachments) add('sha256', a.sha256);
  }
  return out;
}

const strip = ({ html: _html, nested: _nested, ...rest }: Parsed) => rest;

/**
 * Parses a reported mail (RFC 5322 source) into the alert event: sender, recipients, headers,
 * body (text, cut at `maxText`), attachments with SHA-256, attached mails one level deep, and the
 * IOCs of all of them.
 */
export async function parseReportMessage(source: Buffer | string, maxText = 100_000): Promise<ReportMessage> {
  const top = await parseOne(source, maxText);
  const attached = await Promise.all(top.nested.map((a) => parseOne(a.content, maxText)));
  return { ...strip(top), attachedMessages: attached.map(strip), iocs: iocsOf([top, ...attached]) };
}
