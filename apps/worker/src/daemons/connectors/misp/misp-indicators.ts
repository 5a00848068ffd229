import { mispAttributeIocs, mispThreatScore } from '../../../integrations/misp/misp-attribute-iocs';
import { isDeleted, isToIds, type MispAttribute } from '../../../integrations/misp/misp-client';
import type { IndicatorItem } from '../../connector';

/** Indicators of MISP attributes: IDS-flagged (unless `idsOnly` is off), not deleted, one per IOC. */
export function mispIndicators(
  attributes: readonly MispAttribute[],
  event: { info?: string | undefined; threatLevelId?: unknown },
  opts: { idsOnly: boolean; now: Date },
): { items: IndicatorItem[]; skipped: number } {
  const items: IndicatorItem[] = [];
  let skipped = 0;
  for (const a of attributes) {
    if (isDeleted(a) || (opts.idsOnly && !isToIds(a))) continue;
    const iocs = mispAttributeIocs(a.type, a.value);
    if (iocs.length === 0) skipped++;
    const info = a.Event?.info ?? event.info;
    const description = [info, a.comment].filter((s) => s?.trim()).join(' — ') || null;
    const lastSeen = a.timestamp ? new Date(a.timestamp * 1000) : opts.now;
    for (const ioc of iocs) {
      items.push({
        ...ioc,
        verdict: 'malicious',
        score: mispThreatScore(a.Event?.threat_level_id ?? event.threatLevelId),
        description,
        // Expiry is the daemon's `output.expiresAfter` (counted from lastSeen): MISP has none of its own.
        lastSeen,
      });
    }
  }
  return { items, skipped };
}
