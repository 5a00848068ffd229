import type { Tx } from '@palisade/db/client';
import { getPlaybook, getPlaybookVersion } from '@palisade/db/queries/playbooks/catalog';
import {
  getPlaybookTemplate,
  latestPlaybookTemplate,
} from '@palisade/db/queries/playbooks/playbook-templates';
import { lineDiff } from '../playbook/line-diff';
import { PlaybookNotFoundError } from '../playbook/playbook-errors';
import { threeWayMerge } from './three-way-merge';

/**
 * What a template upgrade of one tenant playbook looks like: the template's own change (old → new),
 * the tenant's local changes (old template → current copy), and their three-way merge. Null when the
 * playbook was not derived from a template or already derives from its latest version.
 */
export async function templateUpgrade(tx: Tx, tenantId: string, playbookId: string) {
  const head = await getPlaybook(tx, tenantId, playbookId);
  if (!head) throw new PlaybookNotFoundError('playbook not found');
  if (!head.templateId || head.templateVersion === null) return null;
  const latest = await latestPlaybookTemplate(tx, head.templateId);
  if (!latest || latest.version <= head.templateVersion) return null;
  const current = await getPlaybookVersion(tx, tenantId, head.id, head.currentVersion);
  if (!current) throw new PlaybookNotFoundError('version not found');
  // The template version the copy came from; when it was never recorded, the copy's first version
  // is that template's source as installed.
  const base =
    (await getPlaybookTemplate(tx, head.templateId, head.templateVersion))?.source ??
    (await getPlaybookVersion(tx, tenantId, head.id, 1))?.source ??
    current.source;
  const merged = threeWayMerge(base, current.source, latest.source);
  return {
    templateId: head.templateId,
    fromTemplateVersion: head.templateVersion,
    toTemplateVersion: latest.version,
    currentVersion: head.currentVersion,
    templateDiff: lineDiff(base, latest.source),
    localDiff: lineDiff(base, current.source),
    merged: { text: merged.text, conflicts: merged.conflicts },
  };
}
