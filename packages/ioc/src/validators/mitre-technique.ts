import attack from '../../data/attack-enterprise.json' with { type: 'json' };

export interface AttackTechnique {
  id: string;
  name: string;
  tactics: string[];
}

const byId = new Map<string, AttackTechnique>(
  attack.techniques.map((t) => [t.id, { id: t.id, name: t.name, tactics: t.tactics }]),
);

/** The ATT&CK Enterprise technique for `T1234` / `T1234.001` (any case), or undefined. */
export function lookupTechnique(id: string): AttackTechnique | undefined {
  return byId.get(id.toUpperCase());
}

export const ATTACK_NOTICE: string = attack.notice;

export interface AttackTactic {
  id: string;
  shortname: string;
  name: string;
}

/** Enterprise tactics with their display names, in the data file's order (by tactic id). */
export const ATTACK_TACTICS: readonly AttackTactic[] = attack.tactics.map((t) => ({
  id: t.id,
  shortname: t.shortname,
  name: t.name,
}));
