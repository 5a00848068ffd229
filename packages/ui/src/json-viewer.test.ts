import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JsonViewer } from './json-viewer';

describe('JsonViewer', () => {
  it('pretty-prints the value inside a closed details block', () => {
    const html = renderToStaticMarkup(createElement(JsonViewer, { value: { a: [1, 2] }, summary: 'Raw' }));
    expect(html).toMatch(/^<details class/);
    expect(html).not.toContain(' open');
    expect(html).toContain('<summary');
    expect(html).toContain('{\n  &quot;a&quot;: [\n    1,\n    2\n  ]\n}');
  });

  it('escapes markup in the data', () => {
    const html = renderToStaticMarkup(
      createElement(JsonViewer, { value: { x: '<script>alert(1)</script>' }, summary: 'Raw', open: true }),
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<details open=""');
  });
});
