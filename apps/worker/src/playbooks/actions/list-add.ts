import { upsertListEntry } from '@palisade/db/queries/enrichment/list-entries';
import { listAdd } from '@palisade/playbook/actions/list-add';
import { ListEntryInput } from '../../lists/list-entry';
import { actionImpl } from '../action-impl';

const DAY_MS = 86_400_000;

/** In the run's transaction: the entry and the step's effect record commit together. */
export const listAddImpl = actionImpl({
  mode: 'tx',
  contract: listAdd,
  run: async (input, ctx, tx) => {
    const entry = ListEntryInput.parse({
      list: input.list,
      matchKind: input.matchKind,
      value: input.value,
      criticality: input.criticality ?? null,
      reason: input.reason,
      owner: 'playbook',
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null,
    });
    const id = await upsertListEntry(tx, {
      scope: 'tenant',
      tenantId: ctx.tenantId,
      entry: { ...entry, source: `playbook:${ctx.runId}` },
      actorUserId: null,
    });
    return { id };
  },
});
