import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dovecot, startDovecot } from '../../../../test/dovecot';
import { runContext } from '../../../integrations/http-poll/test/run-context';
import { ImapConfig, type ImapCursor, imapConnector } from './imap-connector';

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(() => dovecot?.stop());

const mail = (n: number, subject: string, extra = '') =>
  [
    `From: "Reporter ${n}" <user${n}@corp-client.com>`,
    'To: phishing@soc.example',
    `Subject: ${subject}`,
    `Message-ID: <report-${n}-${subject.length}@corp-client.com>`,
    'Date: Sun, 01 Mar 2026 10:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Suspicious link hxxp://payroll-update[.]net/login?id=${n} from 198.51.100.${n}`,
    extra,
    '',
  ].join('\r\n');

const run = (
  mailbox: string,
  cursor: ImapCursor | null,
  over: Record<string, unknown> = {},
  maxItems = 1000,
  password = dovecot.password,
) =>
  imapConnector.run(
    runContext({
      config: ImapConfig.parse({
        host: dovecot.host,
        port: dovecot.port,
        secure: false,
        user: dovecot.user,
        mailbox,
        timeoutMs: 5000,
        ...over,
      }),
      cursor,
      maxItems,
      secrets: { imap: { secret: password, baseUrl: null } },
    }),
  );

async function flagsOf(mailbox: string): Promise<Map<number, string[]>> {
  const c = await dovecot.client();
  try {
    await c.mailboxOpen(mailbox);
    const out = new Map<number, string[]>();
    for await (const m of c.fetch('1:*', { uid: true, flags: true }, {}))
      out.set(m.uid, [...(m.flags ?? [])]);
    return out;
  } finally {
    await c.logout();
  }
}

describe('imap connector (dovecot)', () => {
  it('turns matching mail into alerts in UID order, a page at a time, then flags what was stored', async () => {
    const u1 = await dovecot.append('Reports', mail(1, 'Phish: invoice'));
    await dovecot.append('Reports', mail(2, 'Lunch on Friday'));
    const u3 = await dovecot.append('Reports', mail(3, 'Phish: password reset'));
    const u4 = await dovecot.append('Reports', mail(4, 'Phish: parcel'));
    const opts = { search: { subject: 'Phish' }, processed: { action: 'flag', flag: '$Reported' } };

    const first = await run('Reports', null, opts, 2);
    expect(first.items.map((i) => i.sourceId)).toEqual([
      '<report-1-14@corp-client.com>',
      '<report-3-21@corp-client.com>',
    ]);
    expect(first.items[0]?.event).toMatchObject({
      mailbox: 'Reports',
      uid: u1,
      subject: 'Phish: invoice',
      from: [{ address: 'user1@corp-client.com' }],
      iocs: expect.arrayContaining([
        { type: 'url', value: 'http://payroll-update.net/login?id=1' },
        { type: 'ipv4', value: '198.51.100.1' },
      ]),
    });
    expect(first).toMatchObject({ hasMore: true, cursor: { uid: u3 } });
    // Nothing is flagged before the framework committed the page.
    expect([...(await flagsOf('Reports')).values()].flat()).not.toContain('$Reported');

    const second = await run('Reports', first.cursor, opts, 2);
    expect(second.items.map((i) => i.event.uid)).toEqual([u4]);
    expect(second).toMatchObject({
      hasMore: false,
      cursor: { uidValidity: first.cursor?.uidValidity, uid: u4 },
    });
    const flags = await flagsOf('Reports');
    expect(flags.get(u1)).toContain('$Reported');
    expect(flags.get(u3)).toContain('$Reported');
    expect(flags.get(u4)).not.toContain('$Reported');

    const third = await run('Reports', second.cursor, opts);
    expect(third).toMatchObject({ items: [], cursor: second.cursor, hasMore: false });
    expect((await flagsOf('Reports')).get(u4)).toContain('$Reported');
  });

  it('moves processed mail to another mailbox', async () => {
    await dovecot.append('Inbox2', mail(5, 'Phish one'));
    await dovecot.append('Inbox2', mail(6, 'Phish two'));
    const opts = { processed: { action: 'move', moveTo: 'Processed' } };
    const first = await run('Inbox2', null, opts);
    expect(first.items).toHaveLength(2);
    await run('Inbox2', first.cursor, opts);
    expect((await flagsOf('Inbox2')).size).toBe(0);
    expect((await flagsOf('Processed')).size).toBe(2);
  });

  it('reads the mailbox again from the start when UIDVALIDITY changes', async () => {
    await dovecot.append('Renumbered', mail(7, 'Phish seven'));
    const first = await run('Renumbered', null);
    const c = await dovecot.client();
    await c.mailboxDelete('Renumbered');
    await c.logout();
    await dovecot.append('Renumbered', mail(7, 'Phish seven'));
    await dovecot.append('Renumbered', mail(8, 'Phish eight'));
    const second = await run('Renumbered', first.cursor);
    expect(second.cursor?.uidValidity).not.toBe(first.cursor?.uidValidity);
    expect(second.items.map((i) => i.sourceId)).toEqual([
      '<report-7-11@corp-client.com>',
      '<report-8-11@corp-client.com>',
    ]);
    expect(second.stats?.errors?.[0]).toMatch(
      /^UIDVALIDITY changed from \d+ to \d+: mailbox read again from the start$/,
    );
  });

  it('says why it could not log in, connect or open the mailbox', async () => {
    await expect(run('INBOX', null, {}, 10, 'wrong')).rejects.toThrow(
      `IMAP: login refused for ${dovecot.user}`,
    );
    await expect(run('No/Such', null)).rejects.toThrow('IMAP: cannot open mailbox "No/Such"');
    await expect(
      imapConnector.run(
        runContext({
          config: ImapConfig.parse({ host: '127.0.0.1', port: 1, secure: false, user: 'x', timeoutMs: 2000 }),
          cursor: null,
          secrets: { imap: { secret: 'x', baseUrl: null } },
        }),
      ),
    ).rejects.toThrow(/IMAP: cannot connect to 127\.0\.0\.1:1/);
  });
});
