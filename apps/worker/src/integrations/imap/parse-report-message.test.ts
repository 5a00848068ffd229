import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseReportMessage } from './parse-report-message';

const crlf = (lines: string[]) => lines.join('\r\n');
const PAYLOAD = 'MZ fake executable';
const PAYLOAD_SHA = createHash('sha256').update(PAYLOAD).digest('hex');

const phish = crlf([
  'Received: from mail.evil-sender.net (mail.evil-sender.net [203.0.113.25]) by mx.corp.example',
  'From: "IT Helpdesk" <helpdesk@evil-sender.net>',
  'Reply-To: collect@harvest.io',
  'To: alice@corp.example',
  'Subject: Password expires today - verify at hxxps://login-corp[.]net/reset',
  'Message-ID: <abc123@evil-sender.net>',
  'Date: Sun, 01 Mar 2026 10:00:00 +0000',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: multipart/alternative; boundary="a1"',
  '',
  '--a1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Click here now.',
  '--a1',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Click <a href="https://login-corp.net/reset?u=alice">here</a> now.</p>',
  '--a1--',
  '--b1',
  'Content-Type: application/octet-stream; name="invoice.pdf.exe"',
  'Content-Disposition: attachment; filename="invoice.pdf.exe"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from(PAYLOAD).toString('base64'),
  '--b1--',
  '',
]);

describe('parseReportMessage', () => {
  it('reads sender, headers, body, attachments and IOCs of all of them', async () => {
    const m = await parseReportMessage(phish);
    expect(m).toMatchObject({
      messageId: '<abc123@evil-sender.net>',
      subject: 'Password expires today - verify at hxxps://login-corp[.]net/reset',
      date: '2026-03-01T10:00:00.000Z',
      from: [{ name: 'IT Helpdesk', address: 'helpdesk@evil-sender.net' }],
      replyTo: [{ address: 'collect@harvest.io' }],
      to: [{ address: 'alice@corp.example' }],
      attachments: [
        {
          filename: 'invoice.pdf.exe',
          contentType: 'application/octet-stream',
          size: PAYLOAD.length,
          sha256: PAYLOAD_SHA,
        },
      ],
      attachedMessages: [],
    });
    expect(m.text).toContain('Click here now.');
    expect(m.headers.received).toContain('203.0.113.25');
    const iocs = m.iocs.map((i) => `${i.type}:${i.value}`);
    expect(iocs).toEqual(
      expect.arrayContaining([
        'url:https://login-corp.net/reset',
        'email:helpdesk@evil-sender.net',
        'email:collect@harvest.io',
        'ipv4:203.0.113.25',
        'url:https://login-corp.net/reset?u=alice',
        `sha256:${PAYLOAD_SHA}`,
      ]),
    );
    // Message-ID domains are identifiers, not IOCs of the mail.
    expect(iocs.some((i) => i.includes('abc123'))).toBe(false);
  });

  it('reads a phish forwarded as an attachment (message/rfc822) one level deep', async () => {
    const report = crlf([
      'From: alice@corp.example',
      'To: phishing@soc.example',
      'Subject: Fwd: suspicious',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="r1"',
      '',
      '--r1',
      'Content-Type: text/plain',
      '',
      'Please check the attached mail.',
      '--r1',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment; filename="original.eml"',
      '',
      phish,
      '--r1--',
      '',
    ]);
    const m = await parseReportMessage(report);
    expect(m.attachments.map((a) => a.filename)).toEqual(['original.eml']);
    expect(m.attachedMessages).toHaveLength(1);
    expect(m.attachedMessages[0]).toMatchObject({
      subject: expect.stringContaining('Password expires'),
      from: [{ address: 'helpdesk@evil-sender.net' }],
    });
    expect(m.iocs.map((i) => i.value)).toEqual(
      expect.arrayContaining(['203.0.113.25', PAYLOAD_SHA, 'helpdesk@evil-sender.net']),
    );
  });

  it('cuts a long body and says so', async () => {
    const m = await parseReportMessage(crlf(['Subject: long', '', 'x'.repeat(500)]), 100);
    expect(m.text).toHaveLength(100);
    expect(m.textTruncated).toBe(true);
  });
});
