import { Badge } from '@palisade/ui/badge';
import { SectionCard } from '@palisade/ui/section-card';
import Link from 'next/link';
import { formatTime } from '@/components/format-time';
import type { StaffIncident } from './incident-detail';
import { describeTiming } from './relation-explanation';

/**
 * Incidents of the same tenant linked to this one, each with why: the artifacts both saw (and when
 * each incident first saw them), where its alerts fall in time against this incident's, and when
 * the link was made. A link without shared artifacts was made by a playbook or an analyst.
 */
export function RelatedIncidents({ tenantId, data }: { tenantId: string; data: StaffIncident }) {
  const { incident, related } = data;
  return (
    <SectionCard title="Related incidents">
      {related.length === 0 ? (
        <p className="text-sm text-slate-500">No other incident of this tenant shares an artifact.</p>
      ) : (
        <ul className="space-y-3 text-sm" aria-label="Related incidents">
          {related.map((r) => (
            <li key={r.incidentId} className="rounded-md border border-slate-200 p-3">
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  href={`/console/incidents/${tenantId}/${r.incidentId}`}
                  className="font-medium text-sky-800 hover:underline"
                >
                  {r.reference} · {r.title}
                </Link>
                <span className="text-xs text-slate-500">
                  {r.status.replace('_', ' ')}, {r.severity}
                </span>
              </div>
              <p className="mt-1 text-xs text-slate-700">
                {r.sharedArtifacts.length === 0
                  ? 'Linked by a playbook or an analyst, not by a shared artifact'
                  : `Shares ${r.sharedArtifacts.length} artifact${r.sharedArtifacts.length === 1 ? '' : 's'}`}
                ; {describeTiming(incident, r)}; linked {formatTime(r.linkedAt)}.
              </p>
              {r.sharedArtifacts.length > 0 ? (
                <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
                  {r.sharedArtifacts.map((a) => (
                    <li key={a.id}>
                      <Badge>{a.type}</Badge> <span className="break-all font-mono">{a.value}</span>{' '}
                      <span className="text-slate-500">
                        — here since {a.seenHereAt ? formatTime(a.seenHereAt) : '?'}, there since{' '}
                        {a.seenThereAt ? formatTime(a.seenThereAt) : '?'}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
