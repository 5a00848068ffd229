import { safeHexColor } from '@palisade/ui/swatch';
import { createContext } from '@/server/trpc/context';
import { createCaller } from '@/server/trpc/root';

const DEFAULT_PRIMARY = '#1d4ed8';
const DEFAULT_ACCENT = '#0ea5e9';

/**
 * The signed-in client's brand colours as a stylesheet. A same-origin stylesheet
 * passes `style-src 'self'`; an inline <style> would need the page's CSP nonce,
 * which a layout rendered during client-side navigation does not have.
 */
export async function GET(req: Request) {
  const me = await createCaller(await createContext({ headers: req.headers }))
    .me.get()
    .catch(() => null);
  const primary = safeHexColor(me?.tenant?.primaryColor) ?? DEFAULT_PRIMARY;
  const accent = safeHexColor(me?.tenant?.accentColor) ?? DEFAULT_ACCENT;
  const css = `.portal-brand{--shell-sidebar-bg:${primary};--shell-sidebar-fg:#fff;--shell-accent:${accent}}\n`;
  return new Response(css, {
    headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'private, no-cache' },
  });
}
