import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Swatch, safeHexColor } from './swatch';

describe('safeHexColor', () => {
  it.each([
    ['#0ea5e9', '#0ea5e9'],
    ['#FFF', '#FFF'],
    ['red', null],
    ['#0ea5e9;background:url(x)', null],
    ['', null],
    [null, null],
  ])('%s -> %s', (input, want) => expect(safeHexColor(input)).toBe(want));
});

describe('Swatch', () => {
  it('draws a valid colour as an SVG fill, without a style attribute', () => {
    const html = renderToStaticMarkup(createElement(Swatch, { color: '#123abc', label: 'Primary' }));
    expect(html).toContain('fill="#123abc"');
    expect(html).not.toContain('style=');
  });

  it('refuses a colour that could inject markup', () => {
    const html = renderToStaticMarkup(
      createElement(Swatch, { color: '"/><script>x</script>', label: 'Primary' }),
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('fill="none"');
  });
});
