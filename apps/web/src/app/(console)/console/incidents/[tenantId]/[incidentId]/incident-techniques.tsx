'use client';

import { SectionCard } from '@palisade/ui/section-card';
import { useIncidentEnrichment } from './use-incident-enrichment';

/** Why a technique is on the incident, in words: `alert`, `extracted`, `rule:<id>`. */
function viaText(via: readonly string[]): string {
  return via
    .map((v) =>
      v === 'alert' ? 'tagged by the source' : v === 'extracted' ? 'found in the alert text' : 'mapping rule',
    )
    .filter((v, i, all) => all.indexOf(v) === i)
    .join(', ');
}

/** The incident's MITRE ATT&CK techniques grouped by tactic, with MITRE's notice. */
export function IncidentTechniques({
  incidentKey,
}: {
  incidentKey: { tenantId: string; incidentId: string };
}) {
  const { data } = useIncidentEnrichment(incidentKey);
  if (!data) return null;
  return (
    <SectionCard title="MITRE ATT&CK">
      {data.tactics.length === 0 ? (
        <p className="text-sm text-slate-500">
          No technique was found in the alerts or by the mapping rules.
        </p>
      ) : (
        <dl className="space-y-3" aria-label="Techniques by tactic">
          {data.tactics.map((tactic) => (
            <div key={tactic.shortname}>
              <dt className="text-sm font-medium text-slate-800">{tactic.name}</dt>
              <dd>
                <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
                  {tactic.techniques.map((t) => (
                    <li key={t.id}>
                      <a
                        href={`https://attack.mitre.org/techniques/${t.id.replace('.', '/')}/`}
                        target="_blank"
                        rel="noreferrer noopener"
                        className="font-mono text-sky-800 hover:underline"
                      >
                        {t.id}
                      </a>{' '}
                      {t.name} <span className="text-slate-500">({viaText(t.via)})</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p className="mt-3 text-[10px] leading-snug text-slate-400">{data.attackNotice}</p>
    </SectionCard>
  );
}
