/**
 * The email's HTML made displayable under the console's CSP: a srcdoc frame inherits the page's policy,
 * which refuses inline `style` attributes (what email HTML is made of). Each one becomes an attribute
 * selector in one stylesheet carrying the page's nonce. This works on the string: parsing the email
 * with DOMParser would already count as applying its inline styles and report a violation for each.
 * React (which renders our emails) escapes quotes in text, so `style="` only occurs inside tags.
 * Scripts never run: the frame is sandboxed without allow-scripts.
 */
export function emailFrameHtml(html: string, nonce: string): string {
  const rules: string[] = [];
  const body = html.replace(/\sstyle="([^"]*)"/g, (_match, declarations: string) => {
    const id = rules.length;
    rules.push(`[data-pal-s="${id}"]{${cssText(declarations)}}`);
    return ` data-pal-s="${id}"`;
  });
  const style = `<style nonce="${nonce}">${rules.join('\n')}</style>`;
  return body.includes('</head>') ? body.replace('</head>', `${style}</head>`) : `${style}${body}`;
}

const ENTITIES: Record<string, string> = { '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&amp;': '&' };

/** The attribute's declarations as CSS text; `<` is dropped so the text can never close the style element. */
function cssText(attribute: string): string {
  return attribute.replace(/&quot;|&#x27;|&#39;|&amp;/g, (e) => ENTITIES[e] ?? e).replace(/</g, '');
}
