import { PageHeader } from '@palisade/ui/page-header';
import { ATTACK_NOTICE } from '@palisade/worker/enrichment/map-attack-techniques';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { AttackRulesPanel } from './attack-rules-panel';

export const metadata: Metadata = { title: 'ATT&CK mapping rules' };

export default async function AttackRulesPage() {
  await requireMe('staff');
  return (
    <>
      <PageHeader
        title="ATT&CK mapping rules"
        description="Per tenant: alerts whose rule name or source matches a pattern are mapped to a MITRE ATT&CK technique, besides the techniques the alert itself carries."
      />
      <Suspense>
        <AttackRulesPanel />
      </Suspense>
      <p className="mt-6 text-xs text-slate-500">{ATTACK_NOTICE}</p>
    </>
  );
}
