import { IocType } from '@palisade/ioc/ioc';
import { z } from 'zod';

export const Verdict = z.enum(['malicious', 'suspicious', 'benign', 'unknown']);
export type Verdict = z.infer<typeof Verdict>;

/** One short fact behind a verdict, e.g. `{ label: 'engines flagging', value: 12 }`. */
export const Evidence = z.object({
  label: z.string().min(1).max(80),
  value: z.union([z.string().max(500), z.number(), z.boolean()]),
});
export type Evidence = z.infer<typeof Evidence>;

/** A provider's normalized answer: what the analyst sees and what the cache stores. */
export const ProviderVerdict = z.object({
  verdict: Verdict,
  score: z.int().min(0).max(100),
  evidence: z.array(Evidence).max(20),
  /** Where the analyst reads the source's own page; null when the source has none. */
  link: z.url().nullable(),
});
export type ProviderVerdict = z.infer<typeof ProviderVerdict>;

/** Why a provider gave no verdict. `unavailable` is transient or a matter of setup; `error` needs a human. */
export const UnavailableReason = z.enum([
  'not_configured',
  'disabled',
  'rate_limited',
  'timeout',
  'server_error',
  'network',
]);
export const ErrorReason = z.enum(['unauthorized', 'bad_request', 'bad_response']);

export const LookupResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), ...ProviderVerdict.shape }),
  z.object({ status: z.literal('unavailable'), reason: UnavailableReason, message: z.string() }),
  z.object({ status: z.literal('error'), reason: ErrorReason, message: z.string() }),
]);
export type LookupResult = z.infer<typeof LookupResult>;

export const Artifact = z.object({ type: IocType, value: z.string().min(1).max(4096) });
export type Artifact = z.infer<typeof Artifact>;

// Strongest signal first: "unknown" only when no provider knows anything.
const RANK: Record<Verdict, number> = { malicious: 3, suspicious: 2, benign: 1, unknown: 0 };

export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((worst, v) => (RANK[v] > RANK[worst] ? v : worst), 'unknown');
}

export const ok = (v: ProviderVerdict): LookupResult => ({ status: 'ok', ...v });
