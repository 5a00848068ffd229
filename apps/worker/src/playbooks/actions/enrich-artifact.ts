import { getDatabase } from '@palisade/db/client';
import { secretKeyFromEnv } from '@palisade/db/crypto/secret-key';
import { enrichArtifact } from '@palisade/playbook/actions/enrich-artifact';
import { enrichArtifact as enrich } from '../../integrations/osint/enrich-artifact';
import { internetProviders } from '../../integrations/osint/providers';
import { Artifact, worstVerdict } from '../../integrations/osint/verdict';
import { actionImpl } from '../action-impl';

/** Network lookups: outside any transaction; the step's signal cancels them. */
export const enrichArtifactImpl = actionImpl({
  mode: 'io',
  contract: enrichArtifact,
  run: async (input, ctx) => {
    const { db } = await getDatabase();
    const providers = input.providers
      ? internetProviders.filter((p) => input.providers?.includes(p.id))
      : internetProviders;
    const options = { db, secretKey: secretKeyFromEnv(), providers };
    const results = [];
    for (const raw of input.artifacts) {
      const artifact = Artifact.safeParse(raw);
      if (!artifact.success) {
        // A type no provider knows (file paths, registry keys): nothing to ask, nothing to claim.
        results.push({
          type: raw.type,
          value: raw.value,
          verdict: 'unknown' as const,
          score: 0,
          providers: [],
        });
        continue;
      }
      const r = await enrich(options, {
        tenantId: ctx.tenantId,
        artifact: artifact.data,
        signal: ctx.signal,
      });
      results.push({
        type: raw.type,
        value: raw.value,
        verdict: r.verdict,
        score: r.score,
        providers: r.outcomes.map((o) =>
          o.result.status === 'ok'
            ? {
                provider: o.provider,
                status: 'ok' as const,
                cached: o.cached,
                verdict: o.result.verdict,
                score: o.result.score,
                link: o.result.link,
              }
            : { provider: o.provider, status: o.result.status, cached: false, reason: o.result.reason },
        ),
      });
    }
    return { results, worst: worstVerdict(results.map((r) => r.verdict)) };
  },
});
