import { ATTACK_NOTICE, lookupTechnique } from '@palisade/ioc/mitre-technique';
import { globMatch } from '../lists/match-list-entry';

export type AttackRule = { id: string; field: 'rule_name' | 'source'; pattern: string; techniqueId: string };

export type AlertForAttack = {
  rule: { name: string | null };
  source: { vendor: string | null; product: string | null };
  /** Techniques the source itself tagged the alert with (StandardAlert.mitreTechniques). */
  mitreTechniques: readonly { id: string }[];
};

export type MappedTechnique = {
  id: string;
  name: string;
  tactics: string[];
  /** Why it is on the incident: `alert`, `extracted`, or `rule:<rule id>`. */
  via: string[];
};

export { ATTACK_NOTICE };

/**
 * Techniques of one alert from three sources: the alert's own tags, technique ids extracted from its
 * text, and the tenant's mapping rules (glob on rule name or on `vendor product`). Names and tactics
 * come from the ATT&CK data; an id ATT&CK does not know is dropped, not invented.
 */
export function mapAttackTechniques(input: {
  alert: AlertForAttack;
  extractedIds: readonly string[];
  rules: readonly AttackRule[];
}): MappedTechnique[] {
  const found = new Map<string, MappedTechnique>();
  const add = (rawId: string, via: string) => {
    const technique = lookupTechnique(rawId.trim());
    if (!technique) return;
    const existing = found.get(technique.id);
    if (existing) {
      if (!existing.via.includes(via)) existing.via.push(via);
      return;
    }
    found.set(technique.id, {
      id: technique.id,
      name: technique.name,
      tactics: [...technique.tactics],
      via: [via],
    });
  };
  for (const t of input.alert.mitreTechniques) add(t.id, 'alert');
  for (const id of input.extractedIds) add(id, 'extracted');
  const sourceName = [input.alert.source.vendor, input.alert.source.product].filter(Boolean).join(' ');
  for (const rule of input.rules) {
    const subject = rule.field === 'rule_name' ? input.alert.rule.name : sourceName;
    if (subject && globMatch(rule.pattern, subject)) add(rule.techniqueId, `rule:${rule.id}`);
  }
  return [...found.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** For the incident view: tactic shortname -> techniques, in the order given. */
export function groupByTactic(techniques: readonly MappedTechnique[]): Map<string, MappedTechnique[]> {
  const groups = new Map<string, MappedTechnique[]>();
  for (const t of techniques) {
    for (const tactic of t.tactics) groups.set(tactic, [...(groups.get(tactic) ?? []), t]);
  }
  return groups;
}
