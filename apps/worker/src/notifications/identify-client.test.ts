import { describe, expect, it } from 'vitest';
import { alertFields, identifyClient } from './identify-client';

const acme = { tenantId: 'acme', names: ['Acme Corp', 'ACME', 'acme-prod'] };
const bank = { tenantId: 'bank', names: ['Acme Bank'] };
const globex = { tenantId: 'globex', names: ['Globex', 'GX'] };
const field = (text: string, path = 'alert.title') => [{ path, text }];

describe('identifyClient', () => {
  it.each([
    ['Brute force against ACME VPN', 'ACME'],
    ['host acme-fw01 blocked', 'ACME'],
    ['user bob@acme.example logged in', 'ACME'],
    ['(acme) outage', 'ACME'],
    ['Acme   Corp payroll server', 'Acme Corp'],
    ['deploy to ACME-PROD failed', 'acme-prod'],
  ])('finds the client in %j (term %s)', (text, term) => {
    expect(identifyClient(field(text), [acme])).toEqual([{ tenantId: 'acme', term, path: 'alert.title' }]);
  });

  it.each([
    ['Acmewide rollout'],
    ['subacme process'],
    ['acme_backup job'],
    ['ACME2 lab'],
    ['nothing relevant here'],
  ])('does not match inside a word: %j', (text) => {
    expect(identifyClient(field(text), [acme])).toEqual([]);
  });

  it('ignores names too short to identify anyone', () => {
    expect(identifyClient(field('GX ransomware note'), [globex])).toEqual([]);
    expect(identifyClient(field('Globex ransomware note'), [globex])).toEqual([
      { tenantId: 'globex', term: 'Globex', path: 'alert.title' },
    ]);
  });

  it('ranks the more specific client first and reports where each was found', () => {
    const fields = [
      { path: 'alert.title', text: 'Phishing wave' },
      { path: 'alert.raw.to', text: 'treasury@acme-bank.example, Acme Bank treasury' },
    ];
    expect(identifyClient(fields, [acme, bank, globex])).toEqual([
      { tenantId: 'bank', term: 'Acme Bank', path: 'alert.raw.to' },
      { tenantId: 'acme', term: 'ACME', path: 'alert.raw.to' },
    ]);
  });

  it('treats regex characters in names literally', () => {
    const odd = { tenantId: 'odd', names: ['A.C.M.E (EU)'] };
    expect(identifyClient(field('ticket for A.C.M.E (EU) team'), [odd])).toHaveLength(1);
    expect(identifyClient(field('ticket for AxCxMxE (EU) team'), [odd])).toEqual([]);
  });
});

describe('alertFields', () => {
  it('flattens nested alerts into paths, skipping empty values', () => {
    expect(
      alertFields({ title: 'x', raw: { hosts: ['h1', ''], port: 443, user: null, nested: { ok: true } } }),
    ).toEqual([
      { path: 'alert.title', text: 'x' },
      { path: 'alert.raw.hosts[0]', text: 'h1' },
      { path: 'alert.raw.port', text: '443' },
      { path: 'alert.raw.nested.ok', text: 'true' },
    ]);
  });
});
