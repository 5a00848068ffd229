import { describe, expect, it } from 'vitest';
import { CONNECTORS } from './connectors/index';
import { listDaemonTemplates } from './daemon-templates';
import { validateDaemon } from './validate-daemon';

describe('daemon templates', () => {
  const templates = listDaemonTemplates();

  it('ships one template per connector kind', () => {
    expect(templates.map((t) => t.kind).sort()).toEqual(CONNECTORS.map((c) => c.kind).sort());
  });

  it.each(templates.map((t) => [t.file, t] as const))('%s validates', (_, t) => {
    const r = validateDaemon(t.yaml);
    expect(r.errors).toEqual([]);
    expect(t.title).not.toBe('');
  });
});
