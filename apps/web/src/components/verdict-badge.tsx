import { Badge, type BadgeTone } from '@palisade/ui/badge';

export type Verdict = 'malicious' | 'suspicious' | 'benign' | 'unknown';

const TONE: Record<Verdict, BadgeTone> = {
  malicious: 'critical',
  suspicious: 'warning',
  benign: 'success',
  unknown: 'neutral',
};

/** One enrichment verdict, coloured by how bad it is. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <Badge tone={TONE[verdict]}>{verdict}</Badge>;
}
