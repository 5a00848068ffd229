import { CONNECTORS } from '@palisade/worker/daemons/connectors/index';
import { describe, expect, it } from 'vitest';
import {
  CONNECTOR_CREDENTIAL_KINDS,
  connectorCredentialKind,
  formFields,
} from './connector-credential-kinds';

describe('connector credential kinds', () => {
  it("covers every secret a registered connector requires, under the secret's own name", () => {
    const required = CONNECTORS.flatMap((c) =>
      (c.requiredSecrets ?? []).map((name) => ({ kind: c.kind, name })),
    );
    expect(required.length).toBeGreaterThan(0);
    for (const { kind, name } of required) {
      expect({ kind, name, covers: connectorCredentialKind(name)?.connectorKinds }).toEqual({
        kind,
        name,
        covers: expect.arrayContaining([kind]),
      });
    }
  });

  it('offers only kinds whose connectors are registered', () => {
    for (const k of CONNECTOR_CREDENTIAL_KINDS) {
      expect(k.connectorKinds.some((c) => CONNECTORS.some((x) => x.kind === c))).toBe(true);
    }
  });

  it('resolves named credentials to their kind and rejects unknown ones', () => {
    expect(connectorCredentialKind('imap-phishing')?.id).toBe('imap');
    expect(connectorCredentialKind('elastic-close')?.id).toBe('elastic');
    expect(connectorCredentialKind('edr-api')).toBeUndefined();
    expect(connectorCredentialKind('splunk-')).toBeUndefined();
  });

  it("builds a kind's secret the way its connector reads it", () => {
    const taxii = connectorCredentialKind('taxii');
    expect(taxii?.toSecret(taxii.fields.parse({ username: 'soc', password: 'p:w' }))).toBe('soc:p:w');
    expect(taxii?.toSecret(taxii.fields.parse({ apiKey: 'tok' }))).toBe('tok');
    expect(taxii?.fields.safeParse({ username: 'soc', apiKey: 'tok' }).success).toBe(false);
  });

  it('describes form fields from the zod schemas', () => {
    const imap = connectorCredentialKind('imap');
    expect(imap && formFields(imap.testParams)).toEqual([
      { key: 'host', label: 'Host', secret: false, options: null, required: true },
      { key: 'port', label: 'Port', secret: false, options: null, required: false },
      { key: 'secure', label: 'TLS', secret: false, options: ['tls', 'plain'], required: false },
      { key: 'user', label: 'Username', secret: false, options: null, required: true },
    ]);
  });
});
