import { describe, expect, it } from 'vitest';
import { emailFrameHtml } from './email-frame-html';

describe('emailFrameHtml', () => {
  it('moves every inline style into one nonce-carrying stylesheet, unescaping the attribute', () => {
    const html =
      '<html><head><title>x</title></head><body><p style="font-family:&quot;Inter&quot;, sans-serif;color:#111">Hi</p><a href="/x" style="color:red">y</a></body></html>';
    const out = emailFrameHtml(html, 'n0nce');
    expect(out).not.toMatch(/\sstyle="/);
    expect(out).toContain('<p data-pal-s="0">Hi</p>');
    expect(out).toContain('<a href="/x" data-pal-s="1">y</a>');
    expect(out).toContain(
      '<style nonce="n0nce">[data-pal-s="0"]{font-family:"Inter", sans-serif;color:#111}\n[data-pal-s="1"]{color:red}</style></head>',
    );
  });

  it('leaves text that merely mentions style= alone and cannot close the style element', () => {
    const html =
      '<body><p>write style=&quot;x&quot; here</p><div style="content:&quot;&lt;/style&gt;&quot;"></div></body>';
    const out = emailFrameHtml(html, 'n');
    expect(out).toContain('<p>write style=&quot;x&quot; here</p>');
    expect(out.startsWith('<style nonce="n">')).toBe(true);
    expect(out.indexOf('</style>')).toBe(out.lastIndexOf('</style>'));
  });
});
