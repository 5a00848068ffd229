import { getDatabase } from '@palisade/db/client';
import { publishPlaybookTemplates } from '@palisade/db/queries/playbooks/playbook-templates';
import { withTenant } from '@palisade/db/with-tenant';
import { savePlaybook } from '@palisade/worker/playbooks/save-playbook';

/** A template source at `version`, with one step whose value the template may change. */
export const templateSource = (id: string, version: number, value: string, name = 'Template check') =>
  [
    `id: ${id}`,
    `name: ${name}`,
    `version: ${version}`,
    'trigger: { type: manual }',
    'steps:',
    '  - id: first',
    '    uses: var.set',
    `    with: { value: "${value}" }`,
    '  - id: second',
    '    needs: first',
    '    uses: var.set',
    '    with: { value: 2 }',
    '',
  ].join('\n');

/**
 * Publishes template `id` v1 and v2 (v2 changes the first step's value) on the owner connection, and
 * gives each tenant a copy derived from v1, saved without audit entries (audit.list counts A's).
 */
export async function seedTemplateCopies(
  tenantIds: readonly string[],
  id = `tpl-${crypto.randomUUID().slice(0, 8)}`,
) {
  const v1 = templateSource(id, 1, 'one');
  const v2 = templateSource(id, 2, 'two');
  await publishPlaybookTemplates((await getDatabase()).db, [
    { id, version: 1, source: v1 },
    { id, version: 2, source: v2 },
  ]);
  const playbookIds: Record<string, string> = {};
  for (const tenantId of tenantIds) {
    const saved = await withTenant(tenantId, (tx) =>
      savePlaybook(tx, { tenantId, source: v1, createdBy: null, template: { id, version: 1 } }),
    );
    if (!saved.ok) throw new Error(saved.errors.map((e) => e.message).join('; '));
    playbookIds[tenantId] = saved.playbookId;
  }
  return { id, v1, v2, playbookIds };
}
