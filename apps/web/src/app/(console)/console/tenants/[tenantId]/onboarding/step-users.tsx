'use client';

import { UsersPanel } from '@/components/users-panel';
import { StepFooter } from './step-footer';
import type { StepProps } from './step-props';

/** Invite the client's first users (one-time links, 72 h). */
export function StepUsers({ tenantId, onDone, saving, selfId }: StepProps & { selfId: string }) {
  return (
    <div className="space-y-4">
      <UsersPanel tenantId={tenantId} selfId={selfId} canManage manageStaff />
      <StepFooter disabled={saving} onContinue={() => onDone()} />
    </div>
  );
}
