import { z } from 'zod';
import { defineAction } from '../action-registry';

const Verdict = z.enum(['malicious', 'suspicious', 'benign', 'unknown']);

/**
 * OSINT reputation and local intel for artifacts. Read-only lookups (cached, rate limited, with the
 * tenant's credentials); a provider that is down is reported `unavailable` and the others still answer.
 */
export const enrichArtifact = defineAction({
  id: 'enrich.artifact',
  description:
    'Judge artifacts with OSINT providers and local threat intel (shared cache, per-tenant credentials)',
  input: z.strictObject({
    artifacts: z
      .array(z.object({ type: z.string().min(1), value: z.string().min(1).max(4096) }))
      .min(1)
      .max(50),
    /** Provider ids to ask; all configured ones when omitted. */
    providers: z.array(z.string().min(1)).optional(),
  }),
  output: z.object({
    results: z.array(
      z.object({
        type: z.string(),
        value: z.string(),
        verdict: Verdict,
        score: z.int().min(0).max(100),
        providers: z.array(
          z.object({
            provider: z.string(),
            status: z.enum(['ok', 'unavailable', 'error']),
            cached: z.boolean(),
            verdict: Verdict.optional(),
            score: z.int().optional(),
            link: z.string().nullable().optional(),
            reason: z.string().optional(),
          }),
        ),
      }),
    ),
    worst: Verdict,
  }),
  sideEffects: false,
});
