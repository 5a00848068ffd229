import { Resend } from 'resend';
import type { WorkerEnv } from '../env';

/** One message as the provider gets it. */
export type OutgoingEmail = {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  html: string | null;
  text: string;
};

export type SendResult =
  | { ok: true; providerMessageId: string | null }
  /** `permanent`: the provider refused the message itself (bad address, validation); retrying cannot help. */
  | { ok: false; error: string; permanent: boolean };

/** Where delivered mail goes: Resend, or nowhere beyond the outbox row (the console is the mailbox). */
export interface Mailer {
  readonly via: 'resend' | 'outbox';
  readonly from: string;
  send(email: OutgoingEmail, opts: { idempotencyKey: string; signal?: AbortSignal }): Promise<SendResult>;
}

export const DEFAULT_EMAIL_FROM = 'Palisade SOC <soc@palisade.invalid>';

/** Keeps the message in the built-in outbox: "delivered" means stored and shown in the console. */
export function outboxMailer(from = DEFAULT_EMAIL_FROM): Mailer {
  return { via: 'outbox', from, send: async () => ({ ok: true, providerMessageId: null }) };
}

// Status codes a later attempt may get past: timeouts, a concurrent request with the same
// idempotency key still in flight, rate limits, the provider's own faults.
const TRANSIENT = new Set([408, 409, 429]);

/**
 * Resend's `POST /emails`. The idempotency key makes a retry after a crash between the provider's
 * answer and our commit a no-op at Resend (it answers with the first email's id for 24 hours).
 */
export function resendMailer(apiKey: string, opts: { baseUrl?: string; from?: string } = {}): Mailer {
  const client = new Resend(apiKey, opts.baseUrl ? { baseUrl: opts.baseUrl } : undefined);
  const from = opts.from ?? DEFAULT_EMAIL_FROM;
  return {
    via: 'resend',
    from,
    async send(email, { idempotencyKey, signal }) {
      // resend resolves `{ error }` rather than throwing (network failures included).
      const { data, error } = await client.emails.send(
        {
          from: email.from,
          to: email.to,
          ...(email.cc.length > 0 ? { cc: email.cc } : {}),
          subject: email.subject,
          text: email.text,
          ...(email.html ? { html: email.html } : {}),
        },
        { idempotencyKey, ...(signal ? { signal } : {}) },
      );
      if (error || !data) {
        const status = error && 'statusCode' in error ? (error.statusCode as number | null) : null;
        const permanent = status !== null && status >= 400 && status < 500 && !TRANSIENT.has(status);
        const reason = error ? `${error.name}: ${error.message}` : 'empty answer';
        return { ok: false, error: status ? `${status} ${reason}` : reason, permanent };
      }
      return { ok: true, providerMessageId: data.id };
    },
  };
}

/** Resend when a key is configured, the built-in outbox otherwise. */
export function mailerFromEnv(env: WorkerEnv): Mailer {
  const from = env.EMAIL_FROM ?? DEFAULT_EMAIL_FROM;
  return env.RESEND_API_KEY
    ? resendMailer(env.RESEND_API_KEY, {
        from,
        ...(env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : {}),
      })
    : outboxMailer(from);
}
