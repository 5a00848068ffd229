import { ImapFlow, type SearchObject } from 'imapflow';

export type ImapConnection = {
  host: string;
  port: number;
  /** TLS from the first byte (993); false = plain IMAP (143, or a local test server). */
  secure: boolean;
  user: string;
  password: string;
  timeoutMs: number;
  signal?: AbortSignal;
};

/** What made an IMAP call fail, in words for the daemon's run history. */
export class ImapError extends Error {
  readonly code = 'IMAP' as const;
  constructor(
    readonly reason: 'unauthorized' | 'unreachable' | 'no_mailbox',
    message: string,
    options?: ErrorOptions,
  ) {
    super(`IMAP: ${message}`, options);
  }
}

/** The search that keeps processed mail out: its flag or keyword is not set yet. */
export function notYetFlagged(flag: string): SearchObject {
  if (flag === '\\Seen') return { seen: false };
  if (flag === '\\Flagged') return { flagged: false };
  if (flag === '\\Answered') return { answered: false };
  return { unKeyword: flag };
}

/** One logged-in session on one mailbox (imapflow); `close()` logs out. */
export class ImapMailbox {
  private constructor(
    private readonly client: ImapFlow,
    readonly uidValidity: string,
  ) {}

  static async open(conn: ImapConnection, mailbox: string): Promise<ImapMailbox> {
    const client = new ImapFlow({
      host: conn.host,
      port: conn.port,
      secure: conn.secure,
      auth: { user: conn.user, pass: conn.password },
      logger: false,
      connectionTimeout: conn.timeoutMs,
      greetingTimeout: conn.timeoutMs,
      socketTimeout: conn.timeoutMs,
    });
    // imapflow emits 'error' on socket failures; the pending command rejects with it too.
    client.on('error', () => {});
    const abort = () => client.close();
    conn.signal?.addEventListener('abort', abort, { once: true });
    try {
      await client.connect();
    } catch (err) {
      conn.signal?.removeEventListener('abort', abort);
      const e = err as { authenticationFailed?: boolean; message?: string };
      if (e.authenticationFailed)
        throw new ImapError('unauthorized', `login refused for ${conn.user}`, { cause: err });
      throw new ImapError(
        'unreachable',
        `cannot connect to ${conn.host}:${conn.port} (${e.message ?? String(err)})`,
        {
          cause: err,
        },
      );
    }
    try {
      const mb = await client.mailboxOpen(mailbox);
      return new ImapMailbox(client, String(mb.uidValidity));
    } catch (err) {
      await client.logout().catch(() => client.close());
      throw new ImapError('no_mailbox', `cannot open mailbox "${mailbox}"`, { cause: err });
    }
  }

  /** UIDs matching `query`, ascending. */
  async search(query: SearchObject): Promise<number[]> {
    const found = await this.client.search(query, { uid: true });
    return (found || []).sort((a, b) => a - b);
  }

  /** Raw sources by UID, ascending. */
  async sources(uids: readonly number[]): Promise<{ uid: number; source: Buffer }[]> {
    if (uids.length === 0) return [];
    const out: { uid: number; source: Buffer }[] = [];
    for await (const m of this.client.fetch([...uids], { uid: true, source: true }, { uid: true })) {
      if (m.source) out.push({ uid: m.uid, source: m.source });
    }
    return out.sort((a, b) => a.uid - b.uid);
  }

  async addFlag(uids: readonly number[], flag: string): Promise<void> {
    if (uids.length > 0) await this.client.messageFlagsAdd([...uids], [flag], { uid: true });
  }

  /** Moves to `destination`, creating it when missing. */
  async move(uids: readonly number[], destination: string): Promise<void> {
    if (uids.length === 0) return;
    if (!(await this.client.list()).some((m) => m.path === destination))
      await this.client.mailboxCreate(destination);
    await this.client.messageMove([...uids], destination, { uid: true });
  }

  async close(): Promise<void> {
    await this.client.logout().catch(() => this.client.close());
  }
}
