import type { Db } from '@palisade/db/client';
import { publishPlaybookTemplates } from '@palisade/db/queries/playbooks/playbook-templates';
import { defaultPlaybookSources } from './install-default-playbooks';

/**
 * The shipped MSSP playbooks as template rows (id and `version:` from each YAML). Bumping `version:`
 * in a shipped file publishes a new template version on the next start, which every tenant copy
 * derived from an older one then offers as an upgrade. Idempotent.
 */
export async function publishDefaultTemplates(db: Db): Promise<number> {
  const templates = defaultPlaybookSources().flatMap(({ source }) => {
    const id = /^id:\s*([a-z0-9-]+)/m.exec(source)?.[1];
    const version = Number(/^version:\s*(\d+)/m.exec(source)?.[1] ?? '1');
    return id ? [{ id, version, source }] : [];
  });
  return publishPlaybookTemplates(db, templates);
}
