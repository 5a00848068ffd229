'use client';

import { Badge } from '@palisade/ui/badge';
import { SectionCard } from '@palisade/ui/section-card';
import { formatTime } from '@/components/format-time';
import { type Verdict, VerdictBadge } from '@/components/verdict-badge';
import type { RouterOutputs } from '@/trpc/types';
import { useIncidentEnrichment } from './use-incident-enrichment';

type Enrichment = NonNullable<RouterOutputs['enrichment']['incident']>;
type EnrichedArtifact = Enrichment['artifacts'][number];
type Outcome = EnrichedArtifact['outcomes'][number];

const VERDICTS: readonly Verdict[] = ['malicious', 'suspicious', 'benign', 'unknown'];

function OutcomeLine({ outcome }: { outcome: Outcome }) {
  const r = outcome.result;
  if (r.status !== 'ok') {
    return (
      <li className="text-xs text-slate-500">
        <span className="font-medium">{outcome.provider}</span>: {r.status} ({r.reason.replace('_', ' ')})
      </li>
    );
  }
  return (
    <li className="text-xs text-slate-700">
      <span className="font-medium">{outcome.provider}</span> <VerdictBadge verdict={r.verdict} />{' '}
      <span className="tabular-nums">score {r.score}</span>
      {outcome.cached ? <span className="text-slate-400"> · cached</span> : null}
      {r.evidence.length > 0 ? (
        <span className="text-slate-600">
          {' · '}
          {r.evidence.map((e) => `${e.label}: ${String(e.value)}`).join('; ')}
        </span>
      ) : null}
      {r.link ? (
        <>
          {' · '}
          <a href={r.link} target="_blank" rel="noreferrer noopener" className="text-sky-800 hover:underline">
            source
          </a>
        </>
      ) : null}
    </li>
  );
}

/**
 * Every artifact of the incident as the enrichment judged it: the worst verdict (after the tenant's
 * allow/block lists), each provider's verdict with score, evidence and a link to the source, counts
 * by verdict, and the list rules that raised or lowered the priority.
 */
export function IncidentEnrichment({
  incidentKey,
}: {
  incidentKey: { tenantId: string; incidentId: string };
}) {
  const { data, isPending, error } = useIncidentEnrichment(incidentKey);
  if (isPending) {
    return (
      <SectionCard title="Enrichment">
        <p className="text-sm text-slate-500">Loading verdicts…</p>
      </SectionCard>
    );
  }
  if (error) {
    return (
      <SectionCard title="Enrichment">
        <p role="alert" className="text-sm text-red-700">
          Enrichment could not be loaded: {error.message}
        </p>
      </SectionCard>
    );
  }
  if (!data) {
    return (
      <SectionCard title="Enrichment">
        <p className="text-sm text-slate-500">
          Not enriched yet: verdicts appear here when the enrichment step of the playbook has run.
        </p>
      </SectionCard>
    );
  }
  const { summary } = data;
  return (
    <SectionCard
      title="Enrichment"
      actions={<span className="text-xs text-slate-500">enriched {formatTime(data.enrichedAt)}</span>}
    >
      <section className="flex flex-wrap items-center gap-2 text-sm" aria-label="Verdict counts">
        <span className="text-slate-600">Worst verdict</span>
        <VerdictBadge verdict={summary.worst} />
        <span className="text-slate-400">·</span>
        {VERDICTS.map((v) => (
          <span key={v} className="text-xs text-slate-700">
            {v} <span className="tabular-nums font-semibold">{summary.counts[v]}</span>
          </span>
        ))}
      </section>
      <div className="mt-3">
        <h3 className="text-sm font-medium text-slate-800">Priority</h3>
        {summary.reasons.length === 0 ? (
          <p className="text-xs text-slate-500">No list rule raised or lowered the priority.</p>
        ) : (
          <ul className="list-disc pl-5 text-xs text-slate-700" aria-label="Priority reasons">
            {summary.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
        {data.priorityDelta !== 0 ? (
          <p className="mt-1 text-xs text-slate-600">
            Applied: {data.priorityDelta > 0 ? 'raised' : 'lowered'} by {Math.abs(data.priorityDelta)} step
            {Math.abs(data.priorityDelta) === 1 ? '' : 's'}.
          </p>
        ) : null}
      </div>
      <table className="mt-4 w-full text-left text-sm" aria-label="Artifact verdicts">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 pr-2 font-medium">Artifact</th>
            <th className="py-1 pr-2 font-medium">Verdict</th>
            <th className="py-1 font-medium">Providers and lists</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {data.artifacts.map((a) => (
            <tr key={a.artifactId}>
              <td className="py-2 pr-2">
                <Badge>{a.type}</Badge> <span className="break-all font-mono text-xs">{a.value}</span>
              </td>
              <td className="py-2 pr-2 whitespace-nowrap">
                <VerdictBadge verdict={a.verdict} />{' '}
                <span className="text-xs tabular-nums text-slate-600">{a.score}</span>
              </td>
              <td className="py-2">
                <ul className="space-y-0.5">
                  {a.outcomes.map((o) => (
                    <OutcomeLine key={o.provider} outcome={o} />
                  ))}
                  {a.lists.reasons.map((r) => (
                    <li key={r} className="text-xs text-slate-700">
                      list: {r}
                    </li>
                  ))}
                  {a.outcomes.length === 0 && a.lists.reasons.length === 0 ? (
                    <li className="text-xs text-slate-500">
                      no provider handles this type; no list entry matched
                    </li>
                  ) : null}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </SectionCard>
  );
}
