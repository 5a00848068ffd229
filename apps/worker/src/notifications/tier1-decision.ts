/** A tenant's tier 1 rule (see `tier1_rules`). */
export type Tier1Rule = { enabled: boolean; severities: readonly string[]; artifactTypes: readonly string[] };

export type Tier1Decision =
  | { notify: true; because: 'severity' | 'artifact_type' }
  | { notify: false; reason: 'rule_disabled' | 'rule_not_matched' };

/** Whether the incident warrants a tier 1 notice: its severity is listed, or one of its artifact types is. */
export function tier1Decision(
  rule: Tier1Rule,
  incident: { severity: string; artifactTypes: readonly string[] },
): Tier1Decision {
  if (!rule.enabled) return { notify: false, reason: 'rule_disabled' };
  if (rule.severities.includes(incident.severity)) return { notify: true, because: 'severity' };
  if (incident.artifactTypes.some((t) => rule.artifactTypes.includes(t))) {
    return { notify: true, because: 'artifact_type' };
  }
  return { notify: false, reason: 'rule_not_matched' };
}
