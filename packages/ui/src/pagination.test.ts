import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Pagination } from './pagination';

const noop = () => undefined;

describe('Pagination', () => {
  it('disables the directions that have no page', () => {
    const html = renderToStaticMarkup(
      createElement(Pagination, {
        hasPrevious: false,
        hasNext: true,
        onPrevious: noop,
        onNext: noop,
        status: '1–50',
      }),
    );
    expect(html).toMatch(/<button type="button"[^>]*disabled=""[^>]*>Previous<\/button>/);
    expect(html).toMatch(/<button type="button" class="[^"]*">Next<\/button>/);
    expect(html).toContain('1–50');
  });
});
