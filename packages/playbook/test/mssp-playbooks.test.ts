import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../src/builtin-actions';
import { DEFAULT_PLAYBOOK_FILES, MASTER_PLAYBOOK_ID } from '../src/default-playbooks';
import type { Playbook } from '../src/definition';
import { validatePlaybook } from '../src/validate';
import { ReferenceRunner } from './reference-runner';

const dir = join(import.meta.dirname, '..', 'playbooks');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const SECTIONS = [
  'ioc-extraction',
  'sla-monitoring',
  'enrichment-correlation',
  'tier1-notification',
  'kpi-tracking',
  'reporting',
];

/** Children first, so each call is checked against the playbook it names. */
function loadAll(): Map<string, Playbook> {
  const library = new Map<string, Playbook>();
  const order = [...files].sort(
    (a, b) => Number(a === 'mssp-master.yaml') - Number(b === 'mssp-master.yaml'),
  );
  for (const file of order) {
    const r = validatePlaybook(readFileSync(join(dir, file), 'utf8'), {
      registry: builtinRegistry,
      playbooks: library,
    });
    expect(r.errors.map((e) => `${file}:${e.line}:${e.column} ${e.message}`)).toEqual([]);
    if (r.ok) library.set(r.playbook.id, r.playbook);
  }
  return library;
}

describe('MSSP master playbook', () => {
  it('ships the master and its six sections, all valid with zero errors', () => {
    expect(files.sort()).toEqual([...SECTIONS, MASTER_PLAYBOOK_ID].map((id) => `${id}.yaml`).sort());
    expect([...DEFAULT_PLAYBOOK_FILES].sort()).toEqual(files.sort());
    const library = loadAll();
    const master = library.get('mssp-master');
    expect(master?.trigger).toEqual({ type: 'incident.created' });
    expect(master?.steps.flatMap((s) => (s.kind === 'call' ? [s.call] : []))).toEqual(SECTIONS);
    for (const id of SECTIONS) expect(library.get(id)?.trigger).toEqual({ type: 'called' });
  });

  it('dry-runs end to end against an incident, recording every side effect', async () => {
    const library = loadAll();
    const incidentId = '0b9c7a8e-2f51-4c1e-9d0a-3e4f5a6b7c8d';
    const runner = new ReferenceRunner({
      playbooks: [...library.values()],
      registry: builtinRegistry,
      dryRun: true,
      handlers: {
        'ioc.extract': () => ({
          output: {
            iocs: [
              { type: 'domain', value: 'evil.example' },
              { type: 'ipv4', value: '203.0.113.9' },
            ],
          },
        }),
        'enrich.incident': () => ({
          output: {
            worst: 'malicious',
            counts: { malicious: 1, suspicious: 0, benign: 1, unknown: 0 },
            priorityDelta: 0,
            techniques: ['T1566.002'],
            suppressed: ['203.0.113.9'],
          },
        }),
        'var.set': (input) => ({ output: { value: input.value } }),
      },
    });
    const state = await runner.run(
      'mssp-master',
      {},
      {
        incident: {
          id: incidentId,
          number: 1042,
          title: 'Phishing hxxp://evil[.]example',
          severity: 'medium',
          status: 'new',
          created_at: '2026-01-01T00:00:00Z',
        },
        alert: { raw: { subject: 'invoice' }, mitre_techniques: ['T1566.002'] },
        tenant: {
          contacts: [{ name: 'Dana', email: 'dana@client.example', primary: true }],
        },
      },
    );
    expect(state.error).toBeUndefined();
    expect(state.status).toBe('succeeded');
    expect(state.outputs).toMatchObject({
      iocs: [
        { type: 'domain', value: 'evil.example' },
        { type: 'ipv4', value: '203.0.113.9' },
      ],
      notified: true,
      report_id: 'dry-run',
    });
    const recorded = runner.commands.flatMap((c) =>
      c.command.type === 'record-effect' ? [c.command.actionId] : [],
    );
    expect(new Set(recorded)).toEqual(
      new Set([
        'incident.update',
        'incident.tag',
        'sla.start',
        'incident.link',
        'incident.comment',
        'notify.tier1',
        'report.generate',
      ]),
    );
    // The tier 1 section hands the incident to notify.tier1, which reads the contact, rule and
    // allow list in the worker (apps/worker/src/notifications/notify-tier1.int.test.ts).
    const notice = runner.commands.find(
      (c) => c.command.type === 'record-effect' && c.command.actionId === 'notify.tier1',
    );
    expect(notice?.command).toMatchObject({ input: { incidentId } });
    const summary = runner.commands.find(
      (c) =>
        c.command.type === 'record-effect' &&
        c.command.actionId === 'incident.comment' &&
        String((c.command.input as { body?: string }).body).startsWith('Enrichment:'),
    );
    expect((summary?.command as { input: { body: string } } | undefined)?.input.body).toContain(
      'worst verdict malicious (malicious 1, suspicious 0, benign 1, unknown 0)',
    );
    // only side-effect-free actions were performed
    expect(new Set(runner.performed.map((p) => p.actionId))).toEqual(
      new Set(['ioc.extract', 'enrich.incident', 'var.set']),
    );
  });

  it('runs for an incident with no alert and no description (opened by hand)', async () => {
    const library = loadAll();
    const texts: unknown[] = [];
    const runner = new ReferenceRunner({
      playbooks: [...library.values()],
      registry: builtinRegistry,
      dryRun: true,
      handlers: {
        'ioc.extract': (input) => {
          texts.push(input.text);
          return { output: { iocs: [] } };
        },
        'enrich.incident': () => ({
          output: {
            worst: 'unknown',
            counts: { malicious: 0, suspicious: 0, benign: 0, unknown: 0 },
            priorityDelta: 0,
            techniques: [],
            suppressed: [],
          },
        }),
        'var.set': (input) => ({ output: { value: input.value } }),
      },
    });
    const state = await runner.run(
      'mssp-master',
      {},
      {
        incident: {
          id: '5d1c0f7e-8a2b-4c3d-9e4f-0a1b2c3d4e5f',
          number: 7,
          title: 'Reported by phone',
          description: null,
          severity: 'low',
          status: 'new',
          created_at: '2026-01-01T00:00:00Z',
          assigned_at: null,
          resolved_at: null,
          resolution: null,
        },
        tenant: { contacts: [] },
      },
    );
    expect(state.error).toBeUndefined();
    expect(state.status).toBe('succeeded');
    expect(texts).toEqual(['Reported by phone']);
  });
});
