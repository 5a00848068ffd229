import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import { msspBranding, tenantBranding, tenants } from '../../schema/index';
import type { LogoImage } from './logo-image';

export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');

/** Text fields of a tenant's branding; the logo travels separately (bytes checked by checkLogoImage). */
export const TenantBrandingFields = z.object({
  companyName: z.string().trim().min(1).max(120),
  primaryColor: HexColor,
  accentColor: HexColor,
  legalFooter: z.string().trim().max(1000),
});
export type TenantBrandingFields = z.infer<typeof TenantBrandingFields>;

/** `logo`: new bytes, `null` to remove the uploaded logo, `undefined` to keep it. */
export type LogoChange = LogoImage | null | undefined;

const logoDigest = (logo: LogoChange) =>
  logo === undefined
    ? 'unchanged'
    : logo === null
      ? 'removed'
      : `${logo.mime} ${logo.bytes.length} B sha256:${createHash('sha256').update(logo.bytes).digest('hex').slice(0, 16)}`;

/** Saves a tenant's branding and audits the change (the logo as type, size and digest). */
export async function updateTenantBranding(
  tx: Tx,
  input: { tenantId: string; fields: TenantBrandingFields; logo: LogoChange; actorUserId: string | null },
): Promise<void> {
  const fields = TenantBrandingFields.parse(input.fields);
  const [before] = await tx
    .select({
      companyName: tenants.brandName,
      primaryColor: tenants.primaryColor,
      accentColor: tenants.accentColor,
    })
    .from(tenants)
    .where(eq(tenants.id, input.tenantId));
  if (!before) throw new NotFoundError('tenant not found');
  await tx
    .update(tenants)
    .set({
      brandName: fields.companyName,
      primaryColor: fields.primaryColor,
      accentColor: fields.accentColor,
    })
    .where(eq(tenants.id, input.tenantId));
  const logoColumns =
    input.logo === undefined ? {} : { logo: input.logo?.bytes ?? null, logoMime: input.logo?.mime ?? null };
  await tx
    .insert(tenantBranding)
    .values({
      tenantId: input.tenantId,
      legalFooter: fields.legalFooter,
      updatedBy: input.actorUserId,
      ...logoColumns,
    })
    .onConflictDoUpdate({
      target: tenantBranding.tenantId,
      set: {
        legalFooter: fields.legalFooter,
        updatedBy: input.actorUserId,
        updatedAt: sql`now()`,
        ...logoColumns,
      },
    });
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action: 'branding.update',
    target: `tenant:${input.tenantId}`,
    before,
    after: { ...fields, logo: logoDigest(input.logo) },
  });
}

export const MsspBrandingFields = z.object({ msspName: z.string().trim().min(1).max(200) });
export type MsspBrandingFields = z.infer<typeof MsspBrandingFields>;

/**
 * Saves the MSSP-wide name and logo. No tenant owns the row, so the caller (an MSSP admin's procedure)
 * names the tenant whose audit log records the change.
 */
export async function updateMsspBranding(
  tx: Tx,
  input: { fields: MsspBrandingFields; logo: LogoChange; actorUserId: string; auditTenantId: string },
): Promise<void> {
  const fields = MsspBrandingFields.parse(input.fields);
  const logoColumns =
    input.logo === undefined ? {} : { logo: input.logo?.bytes ?? null, logoMime: input.logo?.mime ?? null };
  await tx
    .insert(msspBranding)
    .values({ id: true, msspName: fields.msspName, updatedBy: input.actorUserId, ...logoColumns })
    .onConflictDoUpdate({
      target: msspBranding.id,
      set: { msspName: fields.msspName, updatedBy: input.actorUserId, updatedAt: sql`now()`, ...logoColumns },
    });
  await recordAudit(tx, {
    tenantId: input.auditTenantId,
    actorUserId: input.actorUserId,
    action: 'branding.mssp_update',
    target: 'mssp',
    after: { ...fields, logo: logoDigest(input.logo) },
  });
}
