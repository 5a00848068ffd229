import type { SearchObject } from 'imapflow';
import { z } from 'zod';
import { ImapMailbox, notYetFlagged } from '../../../integrations/imap/imap-mailbox';
import { parseReportMessage } from '../../../integrations/imap/parse-report-message';
import { type AlertItem, definePollingConnector } from '../../connector';

export const ImapConfig = z
  .object({
    host: z.string().min(1),
    port: z.int().min(1).max(65_535).default(993),
    secure: z
      .boolean()
      .default(true)
      .describe('TLS from the first byte (993); false only for a local server'),
    user: z.string().min(1).describe('Login; the password is the `imap` secret'),
    mailbox: z.string().min(1).default('INBOX'),
    search: z
      .object({
        unseen: z.boolean().optional(),
        from: z.string().min(1).optional(),
        to: z.string().min(1).optional(),
        subject: z.string().min(1).optional(),
        text: z.string().min(1).optional(),
        header: z.record(z.string(), z.string()).optional(),
      })
      .strict()
      .default({})
      .describe('IMAP SEARCH criteria a message must match to become an alert'),
    processed: z
      .object({
        action: z.enum(['none', 'flag', 'move']).default('none'),
        flag: z.string().min(1).default('\\Seen').describe('Flag or keyword set on processed mail'),
        moveTo: z
          .string()
          .min(1)
          .optional()
          .describe('Mailbox processed mail is moved to (created when missing)'),
      })
      .strict()
      .refine((p) => p.action !== 'move' || p.moveTo, {
        message: 'action "move" needs moveTo',
        path: ['moveTo'],
      })
      .default({ action: 'none', flag: '\\Seen' }),
    maxBodyChars: z.int().min(1000).max(5_000_000).default(100_000),
    timeoutMs: z.int().min(1000).max(120_000).default(30_000),
  })
  .strict();
export type ImapConfig = z.infer<typeof ImapConfig>;

/**
 * The mailbox's UIDVALIDITY and the highest UID stored. A different UIDVALIDITY means the server
 * renumbered the mailbox: the cursor's UIDs mean nothing there any more, so it is read again from
 * the start (dedup on Message-ID keeps the alerts already made).
 */
export const ImapCursor = z.object({ uidValidity: z.string().regex(/^\d+$/), uid: z.int().min(0) });
export type ImapCursor = z.infer<typeof ImapCursor>;

function criteria(search: ImapConfig['search']): SearchObject {
  const { unseen, header, ...rest } = search;
  return { ...rest, ...(unseen ? { seen: false } : {}), ...(header ? { header } : {}) };
}

export const imapConnector = definePollingConnector({
  kind: 'imap',
  title: 'IMAP mailbox (phishing reports): matching mail becomes alerts',
  mode: 'poll',
  output: 'alerts',
  configSchema: ImapConfig,
  cursorSchema: ImapCursor,
  requiredSecrets: ['imap'],
  async run(ctx) {
    const { config } = ctx;
    const password = ctx.secrets.imap?.secret;
    if (!password) throw new Error('secret "imap" (the mailbox password) is not configured');
    const mailbox = await ImapMailbox.open(
      {
        host: config.host,
        port: config.port,
        secure: config.secure,
        user: config.user,
        password,
        timeoutMs: config.timeoutMs,
        signal: ctx.signal,
      },
      config.mailbox,
    );
    try {
      const errors: string[] = [];
      const sameMailbox = ctx.cursor?.uidValidity === mailbox.uidValidity;
      if (ctx.cursor && !sameMailbox) {
        errors.push(
          `UIDVALIDITY changed from ${ctx.cursor.uidValidity} to ${mailbox.uidValidity}: mailbox read again from the start`,
        );
      }
      const stored = sameMailbox ? (ctx.cursor?.uid ?? 0) : 0;
      const match = criteria(config.search);
      const { processed } = config;
      // Mail is flagged or moved only once its alerts are committed (the cursor passed it), so a
      // crash before the commit leaves it in place to be fetched again.
      if (processed.action !== 'none' && stored > 0) {
        const done = await mailbox.search({
          ...match,
          uid: `1:${stored}`,
          ...(processed.action === 'flag' ? notYetFlagged(processed.flag) : {}),
        });
        if (processed.action === 'flag') await mailbox.addFlag(done, processed.flag);
        else await mailbox.move(done, processed.moveTo ?? '');
      }
      // `n:*` always includes the last message, even below n.
      const pending = (await mailbox.search({ ...match, uid: `${stored + 1}:*` })).filter((u) => u > stored);
      const batch = pending.slice(0, ctx.rules.maxItems);
      const items: AlertItem[] = [];
      let failed = 0;
      for (const { uid, source } of await mailbox.sources(batch)) {
        try {
          const message = await parseReportMessage(source, config.maxBodyChars);
          items.push({
            sourceId: message.messageId ?? `${mailbox.uidValidity}:${uid}`,
            event: { mailbox: config.mailbox, uidValidity: mailbox.uidValidity, uid, ...message },
          });
        } catch (err) {
          failed++;
          if (errors.length < 5)
            errors.push(`UID ${uid}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return {
        items,
        cursor: {
          uidValidity: mailbox.uidValidity,
          uid: batch.length > 0 ? (batch[batch.length - 1] ?? stored) : stored,
        },
        hasMore: pending.length > batch.length,
        stats: { fetched: batch.length, failed, errors },
      };
    } finally {
      await mailbox.close();
    }
  },
});
