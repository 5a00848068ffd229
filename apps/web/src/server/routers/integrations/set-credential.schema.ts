import { z } from 'zod';
import { connectorCredentialKind } from './connector-credential-kinds';
import { CredentialScope, isOsintProvider, ProviderId } from './provider-input';

export const SetCredentialInput = z
  .object({
    provider: ProviderId,
    scope: CredentialScope.default('tenant'),
    /** OSINT providers. Omitted: keep the stored key (e.g. only the URL changes). Write-only: never read back. */
    apiKey: z.string().trim().min(1).max(500).optional(),
    /** Daemon credentials: the kind's fields (validated per kind below). Omitted: keep the stored secret. */
    fields: z.record(z.string(), z.string()).optional(),
    /** http(s) only; a self-hosted MISP may sit on a private network, so private hosts are allowed. */
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable()
      .optional(),
    enabled: z.boolean().optional(),
    sharedWithTenants: z.boolean().optional(),
  })
  .superRefine((input, ctx) => {
    if (isOsintProvider(input.provider)) {
      if (input.fields !== undefined)
        ctx.addIssue({ code: 'custom', path: ['fields'], message: 'OSINT providers take apiKey' });
      return;
    }
    const kind = connectorCredentialKind(input.provider);
    if (!kind) return;
    if (input.apiKey !== undefined)
      ctx.addIssue({ code: 'custom', path: ['apiKey'], message: `${kind.name} takes fields, not apiKey` });
    if (kind.baseUrl === null && input.baseUrl)
      ctx.addIssue({
        code: 'custom',
        path: ['baseUrl'],
        message: `${kind.name} takes its address from the daemon YAML`,
      });
    if (input.fields === undefined) return;
    const parsed = kind.fields.safeParse(input.fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', path: ['fields', ...issue.path], message: issue.message });
      }
    }
  });
export type SetCredentialInput = z.input<typeof SetCredentialInput>;

/** The string to seal: the OSINT key, or the daemon kind's fields as its connector reads them. */
export function secretToStore(input: z.output<typeof SetCredentialInput>): string | undefined {
  if (input.fields === undefined) return input.apiKey;
  const kind = connectorCredentialKind(input.provider);
  if (!kind) return undefined;
  return kind.toSecret(kind.fields.parse(input.fields));
}
