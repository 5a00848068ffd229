import { type GroupableAlert, type GroupingSettings, groupingFor } from './group-key';

export type PreviewAlert = GroupableAlert & { id: string; receivedAt: Date };

export type PreviewGroup = {
  key: string | null;
  alerts: { id: string; title: string; host: string | null; receivedAt: Date }[];
};

/**
 * What `settings` would have done with these alerts: replayed oldest first, an alert joins the
 * group of its key while the group's last alert is within the rule's window, else starts a new one
 * (as ingestion does with open incidents). Groups of several alerts first, then by latest alert.
 */
export function previewGrouping(settings: GroupingSettings, alerts: readonly PreviewAlert[]): PreviewGroup[] {
  const ordered = [...alerts].sort(
    (x, y) => x.receivedAt.getTime() - y.receivedAt.getTime() || x.id.localeCompare(y.id),
  );
  const groups: (PreviewGroup & { lastAt: number })[] = [];
  const openByKey = new Map<string, PreviewGroup & { lastAt: number }>();
  for (const a of ordered) {
    const { rule, key } = groupingFor(settings, a);
    const at = a.receivedAt.getTime();
    const item = { id: a.id, title: a.title, host: a.hosts[0] ?? null, receivedAt: a.receivedAt };
    const open = key === null ? undefined : openByKey.get(key);
    if (open && at - open.lastAt < rule.windowMinutes * 60_000) {
      open.alerts.push(item);
      open.lastAt = at;
      continue;
    }
    const group = { key, alerts: [item], lastAt: at };
    groups.push(group);
    if (key !== null) openByKey.set(key, group);
  }
  return groups
    .sort((x, y) => Number(y.alerts.length > 1) - Number(x.alerts.length > 1) || y.lastAt - x.lastAt)
    .map(({ key, alerts: items }) => ({ key, alerts: items }));
}
