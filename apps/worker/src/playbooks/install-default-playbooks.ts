import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Tx } from '@palisade/db/client';
import { getPlaybookBySlug } from '@palisade/db/queries/playbooks/catalog';
import { DEFAULT_PLAYBOOK_FILES } from '@palisade/playbook/default-playbooks';
import { savePlaybook } from './save-playbook';

/**
 * Where the shipped YAML lives. Resolved at run time from the process's package (cwd) or this module;
 * the specifier is built so a bundler (Next's Turbopack) does not try to bundle the YAML files.
 */
function resolvePlaybookFile(file: string): string {
  const specifier = ['@palisade/playbook', 'playbooks', file].join('/');
  const bases = [path.join(process.cwd(), 'package.json'), import.meta.url];
  for (const base of bases) {
    try {
      return createRequire(base).resolve(specifier);
    } catch {
      // try the next base
    }
  }
  throw new Error(`cannot resolve ${specifier} from ${bases.join(' or ')}`);
}

/** The shipped MSSP set: the six sections first, then the master that calls them. */
export function defaultPlaybookSources(): { file: string; source: string }[] {
  return DEFAULT_PLAYBOOK_FILES.map((file) => ({
    file,
    source: readFileSync(resolvePlaybookFile(file), 'utf8'),
  }));
}

export class DefaultPlaybookInvalidError extends Error {
  readonly code = 'PLAYBOOK_INVALID' as const;
}

/**
 * Gives a tenant its copy of the MSSP master playbook and its six nested playbooks (onboarding, demo
 * seed). A playbook the tenant already has is left alone, so a tenant's own edits are never overwritten.
 */
export async function installDefaultPlaybooks(tx: Tx, tenantId: string): Promise<{ installed: string[] }> {
  const installed: string[] = [];
  for (const { file, source } of defaultPlaybookSources()) {
    const id = /^id:\s*([a-z0-9-]+)/m.exec(source)?.[1];
    const version = Number(/^version:\s*(\d+)/m.exec(source)?.[1] ?? '1');
    if (id && (await getPlaybookBySlug(tx, tenantId, id))) continue;
    const saved = await savePlaybook(tx, {
      tenantId,
      source,
      createdBy: null,
      note: `installed from the MSSP template ${file}`,
      ...(id ? { template: { id, version } } : {}),
    });
    if (!saved.ok) {
      const first = saved.errors[0];
      throw new DefaultPlaybookInvalidError(`${file}:${first?.line}:${first?.column} ${first?.message}`);
    }
    installed.push(saved.slug);
  }
  return { installed };
}
