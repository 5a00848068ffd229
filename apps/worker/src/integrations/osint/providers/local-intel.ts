import type { IocType } from '@palisade/ioc/ioc';
import type { OsintProvider } from '../osint-provider';
import { type LookupResult, ok, Verdict, worstVerdict } from '../verdict';

export type LocalIndicator = {
  verdict: string;
  score: number;
  source: string;
  description: string | null;
  lastSeen: Date;
};

/** Reads the tenant's indicators; the enrichment wires it to `findThreatIndicators` in the tenant's scope. */
export type FindIndicators = (artifact: { type: IocType; value: string }) => Promise<LocalIndicator[]>;

export const LOCAL_INTEL_ID = 'local';

const ALL_TYPES: readonly IocType[] = [
  'ipv4',
  'ipv6',
  'domain',
  'url',
  'email',
  'md5',
  'sha1',
  'sha256',
  'sha512',
  'cve',
  'btc',
];

/**
 * Indicators held in the database (feeds filled by the daemons): answers with no internet.
 * Never cached in the shared table: they are the tenant's own intel.
 */
export function createLocalIntelProvider(find: FindIndicators): OsintProvider {
  return {
    id: LOCAL_INTEL_ID,
    name: 'Local threat intel',
    artifactTypes: ALL_TYPES,
    defaultBaseUrl: '',
    requiresApiKey: false,
    shareable: false,
    ttlSeconds: 0,
    rateLimit: { capacity: 1000, refillPerSecond: 1000 },
    async lookup(artifact): Promise<LookupResult> {
      const found = await find(artifact);
      if (found.length === 0) {
        return ok({
          verdict: 'unknown',
          score: 0,
          evidence: [{ label: 'in local feeds', value: false }],
          link: null,
        });
      }
      const verdicts = found.map((i) => Verdict.catch('unknown').parse(i.verdict));
      return ok({
        verdict: worstVerdict(verdicts),
        score: Math.max(...found.map((i) => i.score)),
        evidence: found.slice(0, 5).map((i) => ({
          label: `feed ${i.source}`.slice(0, 80),
          value: (i.description ?? i.verdict).slice(0, 200),
        })),
        link: null,
      });
    },
  };
}
