import { findConnector } from '@palisade/worker/daemons/connectors/index';
import { z } from 'zod';

/** How a form field is shown: its label, and whether it is write-only (a password input). */
export type FieldMeta = { label: string; secret?: boolean; options?: readonly string[] };

const field = <T extends z.ZodType>(schema: T, meta: FieldMeta) => schema.meta(meta);
const text = (max = 500) => z.string().trim().min(1).max(max);
const secretText = (label: string) => field(text(4000), { label, secret: true });

/**
 * One kind of daemon credential: what the console asks for, and how the answers become the single
 * sealed string the connector reads as `secrets.<id>.secret` (with the credential's base URL).
 * Values a connector takes from its YAML `inputs` (Sentinel's tenant and client id, the IMAP
 * host and login, the HTTP header name) are not stored here: the console asks for them only to
 * test the connection, as `testParams`.
 */
type Kind<F extends z.ZodObject, P extends z.ZodObject> = {
  /** The credential name daemon YAMLs reference (`secrets.<id>: { credential: <id> }`). */
  id: string;
  name: string;
  /** Daemon kinds (CONNECTORS) whose `secrets.<id>` this credential fills. */
  connectorKinds: readonly string[];
  /** Null: the connector takes its address from the YAML only (IMAP host). */
  baseUrl: { label: string; required: boolean } | null;
  fields: F;
  toSecret: (values: z.output<F>) => string;
  testParams: P;
};

const defineKind = <F extends z.ZodObject, P extends z.ZodObject>(kind: Kind<F, P>) =>
  kind as unknown as Kind<z.ZodObject, z.ZodObject> & { toSecret: (values: unknown) => string };

const noParams = z.object({});

const KINDS = [
  defineKind({
    id: 'splunk',
    name: 'Splunk',
    connectorKinds: ['splunk'],
    baseUrl: { label: 'Management URL (https://splunk:8089)', required: true },
    fields: z.object({ token: secretText('Authentication token') }),
    toSecret: (v) => v.token,
    testParams: noParams,
  }),
  defineKind({
    id: 'elastic',
    name: 'Elastic Security',
    connectorKinds: ['elastic-security'],
    baseUrl: { label: 'Kibana (or Elasticsearch) URL', required: true },
    fields: z.object({ apiKey: secretText('API key (base64 id:api_key)') }),
    toSecret: (v) => v.apiKey,
    testParams: z.object({
      api: field(z.enum(['kibana', 'elasticsearch']).default('kibana'), {
        label: 'API',
        options: ['kibana', 'elasticsearch'],
      }),
    }),
  }),
  defineKind({
    id: 'sentinel',
    name: 'Microsoft Sentinel',
    connectorKinds: ['sentinel'],
    baseUrl: { label: 'ARM URL (default https://management.azure.com)', required: false },
    fields: z.object({ clientSecret: secretText('Client secret of the app registration') }),
    toSecret: (v) => v.clientSecret,
    testParams: z.object({
      azureTenantId: field(text(100), { label: 'Entra tenant id' }),
      clientId: field(text(100), { label: 'Client id' }),
      subscriptionId: field(text(100), { label: 'Subscription id' }),
      resourceGroup: field(text(100), { label: 'Resource group' }),
      workspace: field(text(100), { label: 'Workspace' }),
      authorityUrl: field(z.url({ protocol: /^https?$/ }).default('https://login.microsoftonline.com'), {
        label: 'Token URL (authority)',
      }),
    }),
  }),
  defineKind({
    id: 'misp',
    name: 'MISP (daemons)',
    connectorKinds: ['misp-api', 'misp-feed'],
    baseUrl: { label: 'MISP URL', required: true },
    fields: z.object({ apiKey: secretText('API key') }),
    toSecret: (v) => v.apiKey,
    testParams: noParams,
  }),
  defineKind({
    id: 'taxii',
    name: 'TAXII 2.1',
    connectorKinds: ['taxii'],
    baseUrl: { label: 'Discovery URL (https://feed.example/taxii2/)', required: true },
    fields: z
      .object({
        username: field(text(200).optional(), { label: 'Username (basic auth)' }),
        password: field(text(4000).optional(), { label: 'Password (basic auth)', secret: true }),
        apiKey: field(text(4000).optional(), { label: 'API key (bearer, instead)', secret: true }),
      })
      .refine((v) => (v.apiKey ? !v.username && !v.password : Boolean(v.username && v.password)), {
        message: 'give a username and password, or an API key',
      }),
    // The connector's `auth: basic` sends the secret as `user:password`, `auth: bearer` as is.
    toSecret: (v) => v.apiKey ?? `${v.username}:${v.password}`,
    testParams: z.object({
      auth: field(z.enum(['basic', 'bearer']).default('basic'), {
        label: 'Sent as (the daemon YAML `auth`)',
        options: ['basic', 'bearer'],
      }),
    }),
  }),
  defineKind({
    id: 'imap',
    name: 'IMAP mailbox',
    connectorKinds: ['imap'],
    baseUrl: null,
    fields: z.object({ password: secretText('Mailbox password') }),
    toSecret: (v) => v.password,
    testParams: z.object({
      host: field(text(253), { label: 'Host' }),
      port: field(z.coerce.number().int().min(1).max(65_535).default(993), { label: 'Port' }),
      secure: field(z.enum(['tls', 'plain']).default('tls'), { label: 'TLS', options: ['tls', 'plain'] }),
      user: field(text(320), { label: 'Username' }),
    }),
  }),
  defineKind({
    id: 'http',
    name: 'Generic HTTP API',
    connectorKinds: ['http-poll'],
    baseUrl: { label: 'API URL (a GET answering a JSON array)', required: true },
    fields: z.object({ value: secretText('Bearer token or header value (user:password for basic)') }),
    toSecret: (v) => v.value,
    testParams: z.object({
      auth: field(z.enum(['bearer', 'header', 'basic']).default('bearer'), {
        label: 'Sent as',
        options: ['bearer', 'header', 'basic'],
      }),
      headerName: field(text(100).optional(), { label: 'Header name (for "header")' }),
      itemsPath: field(z.string().trim().max(200).default(''), { label: 'Path of the item array' }),
    }),
  }),
];

export type ConnectorCredentialKind = (typeof KINDS)[number];

/** The kinds whose daemon connectors are registered: the registry decides what the console offers. */
export const CONNECTOR_CREDENTIAL_KINDS: readonly ConnectorCredentialKind[] = KINDS.filter((k) =>
  k.connectorKinds.some((c) => findConnector(c)),
);

// A named credential: `<kind>-<name>` (e.g. `imap-phishing`, `elastic-close`), for a tenant with two.
const NAMED = /^([a-z]+)-([a-z0-9][a-z0-9-]{0,62})$/;

/** The kind a credential id belongs to: `splunk`, or a named one such as `splunk-prod`. */
export function connectorCredentialKind(id: string): ConnectorCredentialKind | undefined {
  const kindId = NAMED.exec(id)?.[1] ?? id;
  return CONNECTOR_CREDENTIAL_KINDS.find((k) => k.id === kindId);
}

/** The form of a zod object for the browser: key, label, write-only, choices, required. */
export function formFields(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([key, s]) => {
    const meta = (s as z.ZodType).meta() as FieldMeta | undefined;
    return {
      key,
      label: meta?.label ?? key,
      secret: meta?.secret ?? false,
      options: meta?.options ? [...meta.options] : null,
      required: !(s as z.ZodType).safeParse(undefined).success,
    };
  });
}
