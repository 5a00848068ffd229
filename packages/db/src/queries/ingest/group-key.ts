import { z } from 'zod';

export const GroupingField = z.enum(['rule', 'host', 'source', 'user', 'title']);
export type GroupingField = z.infer<typeof GroupingField>;

/** A tenant's grouping rule (tenant_incident_settings): alerts matching on all fields within the window join one open incident. */
export const GroupingRule = z.object({
  fields: z.array(GroupingField).max(5),
  windowMinutes: z.int().min(1).max(10_080),
});
export type GroupingRule = z.infer<typeof GroupingRule>;

export type GroupableAlert = {
  ruleId: string | null;
  ruleName: string | null;
  title: string;
  hosts: readonly string[];
  users: readonly string[];
  dataSourceId: string;
};

/**
 * The key alerts must share to be grouped, or null when the rule has no fields (every alert is its
 * own incident). A missing value is part of the key (`host=`): alerts without a host group by rule.
 */
export function groupKeyOf(rule: GroupingRule, alert: GroupableAlert): string | null {
  if (rule.fields.length === 0) return null;
  const value = (field: GroupingField): string => {
    switch (field) {
      case 'rule':
        return alert.ruleId ?? alert.ruleName ?? alert.title;
      case 'host':
        return alert.hosts[0]?.toLowerCase() ?? '';
      case 'user':
        return alert.users[0]?.toLowerCase() ?? '';
      case 'source':
        return alert.dataSourceId;
      case 'title':
        return alert.title;
    }
  };
  return [...new Set(rule.fields)]
    .sort()
    .map((f) => `${f}=${value(f).slice(0, 200)}`)
    .join('|');
}

/** The tenant-wide rule and its per data source overrides (tenant_incident_settings). */
export const GroupingSettings = z.object({
  tenant: GroupingRule,
  sources: z.record(z.uuid(), GroupingRule),
});
export type GroupingSettings = z.infer<typeof GroupingSettings>;

/** The default when a tenant never configured grouping: same rule + same host within 1 hour. */
export const DEFAULT_GROUPING_RULE: GroupingRule = { fields: ['rule', 'host'], windowMinutes: 60 };

/**
 * The rule for one alert's data source and the key it groups under. An override's keys are prefixed
 * with its source, so alerts grouped by different rules never share an incident.
 */
export function groupingFor(
  settings: GroupingSettings,
  alert: GroupableAlert,
): { rule: GroupingRule; key: string | null } {
  const override = settings.sources[alert.dataSourceId];
  const rule = override ?? settings.tenant;
  const key = groupKeyOf(rule, alert);
  return { rule, key: key !== null && override ? `src=${alert.dataSourceId}|${key}` : key };
}
