import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { alerts, dataSources, tenantIncidentSettings } from '../../schema/index';
import { DEFAULT_GROUPING_RULE, GroupingRule, type GroupingSettings } from './group-key';

type SettingsRow = {
  grouping_fields?: string[];
  grouping_window_minutes?: number;
  grouping_source_rules?: unknown;
};

/**
 * The stored columns as GroupingSettings: no row means the default rule; a stored override that no
 * longer parses (written by an older version) is dropped rather than breaking ingestion.
 */
export function groupingSettingsOf(row: SettingsRow | undefined): GroupingSettings {
  const tenant = GroupingRule.safeParse({
    fields: row?.grouping_fields,
    windowMinutes: row?.grouping_window_minutes,
  });
  const raw =
    typeof row?.grouping_source_rules === 'string'
      ? JSON.parse(row.grouping_source_rules)
      : row?.grouping_source_rules;
  const sources: GroupingSettings['sources'] = {};
  for (const [id, rule] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    const parsed = GroupingRule.safeParse(rule);
    if (parsed.success) sources[id] = parsed.data;
  }
  return { tenant: tenant.success ? tenant.data : DEFAULT_GROUPING_RULE, sources };
}

export async function getGroupingSettings(tx: Tx, tenantId: string): Promise<GroupingSettings> {
  const [row] = await tx
    .select({
      grouping_fields: tenantIncidentSettings.groupingFields,
      grouping_window_minutes: tenantIncidentSettings.groupingWindowMinutes,
      grouping_source_rules: tenantIncidentSettings.groupingSourceRules,
    })
    .from(tenantIncidentSettings)
    .where(eq(tenantIncidentSettings.tenantId, tenantId));
  return groupingSettingsOf(row);
}

/** Replaces the tenant's grouping settings (the row is created on first use, as ingestion does). */
export async function saveGroupingSettings(
  tx: Tx,
  tenantId: string,
  settings: GroupingSettings,
): Promise<void> {
  const values = {
    groupingFields: settings.tenant.fields,
    groupingWindowMinutes: settings.tenant.windowMinutes,
    groupingSourceRules: settings.sources,
  };
  await tx
    .insert(tenantIncidentSettings)
    .values({ tenantId, ...values })
    .onConflictDoUpdate({
      target: tenantIncidentSettings.tenantId,
      set: { ...values, updatedAt: sql`now()` },
    });
}

/** The tenant's data sources, for naming overrides in the editor. */
export async function listGroupingSources(tx: Tx, tenantId: string) {
  return tx
    .select({ id: dataSources.id, name: dataSources.name })
    .from(dataSources)
    .where(eq(dataSources.tenantId, tenantId))
    .orderBy(dataSources.name);
}

/** The most recent processed alerts (of one data source, or all), newest first, for the preview. */
export async function listRecentAlertsForGrouping(
  tx: Tx,
  input: { tenantId: string; dataSourceId?: string; limit: number },
) {
  return tx
    .select({
      id: alerts.id,
      dataSourceId: alerts.dataSourceId,
      receivedAt: alerts.receivedAt,
      title: alerts.title,
      ruleId: alerts.ruleId,
      ruleName: alerts.ruleName,
      hosts: alerts.hosts,
      users: alerts.users,
    })
    .from(alerts)
    .where(
      and(
        eq(alerts.tenantId, input.tenantId),
        eq(alerts.status, 'processed'),
        input.dataSourceId ? eq(alerts.dataSourceId, input.dataSourceId) : undefined,
      ),
    )
    .orderBy(desc(alerts.receivedAt), desc(alerts.id))
    .limit(input.limit);
}
