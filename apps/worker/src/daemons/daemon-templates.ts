import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parsePlaybook } from '@palisade/playbook/parse-playbook';

export type DaemonTemplate = {
  kind: string;
  file: string;
  title: string;
  yaml: string /** Absolute path of the YAML. */;
  path: string;
};

/**
 * The shipped templates folder. Resolved at run time from the process's package (cwd) or this module,
 * with a specifier built at run time so a bundler (Next's Turbopack) does not try to bundle the YAML.
 */
function templatesDir(): string {
  const specifier = ['@palisade/worker', 'daemon-templates', 'syslog.yaml'].join('/');
  for (const base of [path.join(process.cwd(), 'package.json'), import.meta.url]) {
    try {
      return path.dirname(createRequire(base).resolve(specifier));
    } catch {
      // try the next base
    }
  }
  throw new Error(`cannot resolve ${specifier}`);
}

/** Every `templates/<kind>.yaml`, with its first comment line as the title: what onboarding offers. */
export function listDaemonTemplates(): DaemonTemplate[] {
  const dir = templatesDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const full = path.join(dir, file);
      const yaml = readFileSync(full, 'utf8');
      const value = parsePlaybook(yaml).value as { kind?: unknown } | undefined;
      const title = yaml.split('\n')[0]?.replace(/^#\s*/, '') ?? file;
      return {
        kind: typeof value?.kind === 'string' ? value.kind : file.replace(/\.yaml$/, ''),
        file,
        title,
        yaml,
        path: full,
      };
    });
}
