import type { Verdict } from '../integrations/osint/verdict';
import type { Criticality, MatchableEntry } from './list-entry';

export type ListEffect = {
  /** Allow list: benign (and no notifications); block list: malicious. Null when neither matched. */
  verdictOverride: Extract<Verdict, 'benign' | 'malicious'> | null;
  suppressNotifications: boolean;
  /** Steps to move the incident's priority: + raises, - lowers. */
  priorityDelta: number;
  /** What the analyst reads on the incident, one line per rule that applied. */
  reasons: string[];
};

const CRITICALITY_DELTA: Record<Criticality, number> = { low: -1, medium: 0, high: 1, critical: 2 };

const describe = (e: MatchableEntry) =>
  `${e.scope === 'mssp' ? 'MSSP ' : ''}${e.list} list entry "${e.value}"${e.reason ? ` (${e.reason})` : ''}`;

/**
 * The consequences of the entries an artifact matched. A block entry beats an allow entry: a known-bad
 * indicator that someone also allow-listed is a conflict to look at, not a reason to stay quiet.
 */
export function listEffects(matches: readonly MatchableEntry[]): ListEffect {
  const block = matches.find((m) => m.list === 'block');
  const allow = matches.find((m) => m.list === 'allow');
  const reasons: string[] = [];
  let verdictOverride: ListEffect['verdictOverride'] = null;
  if (block) {
    verdictOverride = 'malicious';
    reasons.push(`malicious: ${describe(block)}`);
    if (allow) reasons.push(`conflict: also on the ${describe(allow)}; the block list wins`);
  } else if (allow) {
    verdictOverride = 'benign';
    reasons.push(`benign, no notification: ${describe(allow)}`);
  }
  let priorityDelta = 0;
  const asset = matches
    .filter((m) => m.list === 'asset' && m.criticality)
    .sort(
      (x, y) => CRITICALITY_DELTA[y.criticality ?? 'medium'] - CRITICALITY_DELTA[x.criticality ?? 'medium'],
    )[0];
  if (asset?.criticality) {
    const delta = CRITICALITY_DELTA[asset.criticality];
    priorityDelta += delta;
    if (delta !== 0)
      reasons.push(
        `${delta > 0 ? 'priority raised' : 'priority lowered'}: ${asset.criticality} asset, ${describe(asset)}`,
      );
  }
  const vip = matches.find((m) => m.list === 'vip');
  if (vip) {
    priorityDelta += 1;
    reasons.push(`priority raised: VIP user, ${describe(vip)}`);
  }
  return { verdictOverride, suppressNotifications: verdictOverride === 'benign', priorityDelta, reasons };
}
