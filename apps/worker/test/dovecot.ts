import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { waitFor } from './wait-for';

const DOVECOT = '/usr/sbin/dovecot';
/** Mail files belong to an unprivileged user: dovecot refuses mail access as root. */
const MAIL_UID = 65534;
const MAIL_GID = 65534;

export type Dovecot = {
  host: string;
  port: number;
  user: string;
  password: string;
  /** A logged-in imapflow client (the caller logs out). */
  client(): Promise<ImapFlow>;
  /** IMAP APPEND of a raw RFC 5322 message; returns its UID. */
  append(mailbox: string, source: string, flags?: string[]): Promise<number>;
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.connect(port, '127.0.0.1');
  });
}

/**
 * A real dovecot IMAP server for tests: a temp config (127.0.0.1 on a free port, plaintext auth
 * without TLS, one passwd-file user, maildir storage in the temp dir), run in the foreground as a
 * child process (`-c <conf> -F`) and removed with its files by `stop()`.
 */
export async function startDovecot(): Promise<Dovecot> {
  const dir = await mkdtemp(join(tmpdir(), 'palisade-dovecot-'));
  await chmod(dir, 0o755);
  const mail = join(dir, 'mail');
  await mkdir(mail);
  await chown(mail, MAIL_UID, MAIL_GID);
  const port = await freePort();
  const user = 'phishing@soc.example';
  const password = 'report-inbox-pass';
  await writeFile(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`);
  const conf = join(dir, 'dovecot.conf');
  await writeFile(
    conf,
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${MAIL_UID} gid=${MAIL_GID} home=${mail}/%u
}
mail_location = maildir:${mail}/%u/Maildir
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`,
  );
  const child: ChildProcess = spawn(DOVECOT, ['-c', conf, '-F'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) {
          const log = await readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '');
          throw new Error(`dovecot exited (${child.exitCode}): ${output}${log}`);
        }
        return (await accepts(port)) ? true : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 50, what: 'dovecot to listen' },
    );
  } catch (err) {
    child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
    throw err;
  }

  const client = async () => {
    const c = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    await c.connect();
    return c;
  };
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    client,
    async append(mailbox, source, flags = []) {
      const c = await client();
      try {
        if (!(await c.list()).some((m) => m.path === mailbox)) await c.mailboxCreate(mailbox);
        const res = await c.append(mailbox, source, flags);
        if (!res || res.uid === undefined) throw new Error('APPEND returned no UID');
        return res.uid;
      } finally {
        await c.logout();
      }
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
