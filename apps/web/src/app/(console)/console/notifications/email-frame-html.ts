/**
 * The email's HTML made displayable under the console's CSP: a srcdoc frame inherits the page's policy,
 * which refuses inline `style` attributes (what email HTML is made of). Each one becomes a class in one
 * stylesheet carrying the page's nonce. Scripts never run: the frame is sandboxed without allow-scripts.
 */
export function emailFrameHtml(html: string, nonce: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const rules: string[] = [];
  doc.querySelectorAll('[style]').forEach((el, i) => {
    const cls = `pal-s${i}`;
    rules.push(`.${cls}{${el.getAttribute('style') ?? ''}}`);
    el.classList.add(cls);
    el.removeAttribute('style');
  });
  const style = doc.createElement('style');
  style.setAttribute('nonce', nonce);
  style.textContent = rules.join('\n');
  doc.head.append(style);
  return `<!doctype html>${doc.documentElement.outerHTML}`;
}
