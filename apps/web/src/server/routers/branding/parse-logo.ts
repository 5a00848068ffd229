import { checkLogoImage, type LogoImage } from '@palisade/db/queries/branding/logo-image';
import { TRPCError } from '@trpc/server';

/** A base64 upload to checked logo bytes; a refused file is a BAD_REQUEST naming why. */
export function parseLogo(upload: string | null | undefined): LogoImage | null | undefined {
  if (upload === undefined || upload === null) return upload;
  const checked = checkLogoImage(Buffer.from(upload, 'base64'));
  if (!checked.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: checked.reason });
  return checked.logo;
}
