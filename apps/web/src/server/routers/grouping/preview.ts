import {
  getGroupingSettings,
  listRecentAlertsForGrouping,
} from '@palisade/db/queries/ingest/grouping-settings';
import { previewGrouping } from '@palisade/db/queries/ingest/preview-grouping';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { PreviewGroupingInput } from './preview.schema';

/** How many groups the page shows; the counts cover all of them. */
const MAX_GROUPS = 50;

/**
 * Which recent alerts the rule being edited would put together: the tenant's last alerts (or one
 * data source's) replayed through it, with the tenant's other rules unchanged. Reads only.
 */
export const preview = staffTenantProcedure.input(PreviewGroupingInput).query(async ({ ctx, input }) => {
  const current = await getGroupingSettings(ctx.tx, ctx.tenantId);
  const settings = input.dataSourceId
    ? { tenant: current.tenant, sources: { ...current.sources, [input.dataSourceId]: input.rule } }
    : { tenant: input.rule, sources: current.sources };
  const recent = await listRecentAlertsForGrouping(ctx.tx, {
    tenantId: ctx.tenantId,
    ...(input.dataSourceId ? { dataSourceId: input.dataSourceId } : {}),
    limit: input.alerts ?? 200,
  });
  const groups = previewGrouping(
    settings,
    recent.map((a) => ({
      ...a,
      title: a.title ?? '(no title)',
      hosts: a.hosts ?? [],
      users: a.users ?? [],
    })),
  );
  return {
    alerts: recent.length,
    incidents: groups.length,
    grouped: groups.filter((g) => g.alerts.length > 1).length,
    groups: groups.slice(0, MAX_GROUPS),
  };
});
