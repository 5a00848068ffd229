/** Largest logo the server accepts (checked again there, on the bytes). */
export const MAX_LOGO_BYTES = 512 * 1024;

/** A chosen file as base64 for the tRPC upload; the server decides its type from the bytes. */
export async function readLogoFile(file: File): Promise<string> {
  if (file.size > MAX_LOGO_BYTES) throw new Error(`the logo is larger than ${MAX_LOGO_BYTES / 1024} KiB`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
