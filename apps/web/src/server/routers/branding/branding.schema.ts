import { z } from 'zod';

const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a #rrggbb colour');

/**
 * A logo upload as base64 (the browser reads the file). The type is decided on the server from the
 * bytes (checkLogoImage), never from the file name.
 */
export const LogoUpload = z
  .string()
  .max(750_000, 'the logo is too large')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the logo must be base64');

/** `undefined` keeps the current logo, `null` removes it. */
export const UpdateBrandingInput = z.object({
  companyName: z.string().trim().min(1, 'a company name is required').max(120),
  primaryColor: HexColor,
  accentColor: HexColor,
  legalFooter: z.string().trim().max(1000),
  logo: LogoUpload.nullable().optional(),
});
export type UpdateBrandingInput = z.input<typeof UpdateBrandingInput>;

export const UpdateMsspBrandingInput = z.object({
  msspName: z.string().trim().min(1, 'a name is required').max(200),
  logo: LogoUpload.nullable().optional(),
});
export type UpdateMsspBrandingInput = z.input<typeof UpdateMsspBrandingInput>;
