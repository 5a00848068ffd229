import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDaemon } from '../validate-daemon';

const KINDS = [
  'imap',
  'splunk',
  'elastic-security',
  'sentinel',
  'http-poll',
  'misp-feed',
  'misp-api',
  'taxii',
];

describe('connector templates', () => {
  it.each(KINDS)('%s.yaml is a valid daemon of its kind', (kind) => {
    const source = readFileSync(join(import.meta.dirname, `${kind}.yaml`), 'utf8');
    const result = validateDaemon(source);
    expect(result.errors).toEqual([]);
    expect(result.ok && result.daemon.definition.kind).toBe(kind);
  });
});
