import type { Tx } from '@palisade/db/client';
import {
  getPlaybook,
  listCurrentDefinitions,
  savePlaybookVersion,
} from '@palisade/db/queries/playbooks/catalog';
import { builtinRegistry } from '@palisade/playbook/builtin-actions';
import { Playbook } from '@palisade/playbook/definition';
import type { PlaybookError } from '@palisade/playbook/validate';
import { validatePlaybook } from '@palisade/playbook/validate';

export type SavePlaybookInput = {
  tenantId: string;
  source: string;
  createdBy: string | null;
  /** editing an existing playbook: its definition id must stay the same */
  playbookId?: string;
  note?: string;
  template?: { id: string; version: number };
};

export type SavePlaybookResult =
  | { ok: true; playbookId: string; version: number; slug: string }
  | { ok: false; errors: PlaybookError[] };

const at1 = (message: string): PlaybookError => ({
  code: 'schema',
  message,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
  path: ['id'],
});

/** The tenant's other playbooks, so `call:` steps are checked for existence, inputs and recursion. */
export async function tenantPlaybookMap(tx: Tx, tenantId: string): Promise<Map<string, Playbook>> {
  const map = new Map<string, Playbook>();
  for (const row of await listCurrentDefinitions(tx, tenantId)) {
    const parsed = Playbook.safeParse(row.definition);
    if (parsed.success) map.set(row.slug, parsed.data);
  }
  return map;
}

/** Validates and stores `source` as a new immutable version; an invalid source stores nothing. */
export async function savePlaybook(tx: Tx, input: SavePlaybookInput): Promise<SavePlaybookResult> {
  const playbooks = await tenantPlaybookMap(tx, input.tenantId);
  const result = validatePlaybook(input.source, { registry: builtinRegistry, playbooks });
  if (!result.ok) return { ok: false, errors: result.errors };
  const { playbook } = result;
  if (input.playbookId) {
    const head = await getPlaybook(tx, input.tenantId, input.playbookId);
    if (!head) return { ok: false, errors: [at1('playbook not found')] };
    if (head.slug !== playbook.id) {
      return {
        ok: false,
        errors: [at1(`id must stay '${head.slug}' (save under a new id to create a playbook)`)],
      };
    }
  }
  const saved = await savePlaybookVersion(tx, {
    tenantId: input.tenantId,
    slug: playbook.id,
    name: playbook.name,
    triggerType: playbook.trigger.type,
    source: input.source,
    definition: playbook,
    createdBy: input.createdBy,
    ...(input.note ? { note: input.note } : {}),
    ...(input.template ? { templateId: input.template.id, templateVersion: input.template.version } : {}),
  });
  return { ok: true, playbookId: saved.playbookId, version: saved.version, slug: playbook.id };
}
