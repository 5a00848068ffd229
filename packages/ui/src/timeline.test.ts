import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Timeline } from './timeline';

describe('Timeline', () => {
  it('renders one list item per event, in order, with actor and time', () => {
    const html = renderToStaticMarkup(
      createElement(Timeline, {
        items: [
          { id: '1', at: '2026-01-01T10:00:00.000Z', when: '10:00', title: 'Created' },
          { id: '2', at: '2026-01-01T11:00:00.000Z', when: '11:00', title: 'Assigned', actor: 'Bob' },
        ],
      }),
    );
    expect(html.match(/<li/g)).toHaveLength(2);
    expect(html.indexOf('Created')).toBeLessThan(html.indexOf('Assigned'));
    expect(html).toContain('by Bob');
    expect(html).toContain('<time dateTime="2026-01-01T11:00:00.000Z"');
  });

  it('renders the empty state instead of an empty list', () => {
    expect(renderToStaticMarkup(createElement(Timeline, { items: [], empty: 'Nothing' }))).toBe('Nothing');
  });
});
