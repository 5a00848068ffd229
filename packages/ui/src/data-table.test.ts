import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from './data-table';

const columns = [{ key: 'name', header: 'Name', cell: (r: { id: string; name: string }) => r.name }];

describe('DataTable', () => {
  it('renders one row per item with its header', () => {
    const rows = [
      { id: '1', name: 'Acme' },
      { id: '2', name: 'Globex' },
    ];
    const html = renderToStaticMarkup(
      createElement(DataTable<(typeof rows)[number]>, { columns, rows, rowKey: (r) => r.id }),
    );
    expect(html).toContain('<th scope="col"');
    expect(html.match(/<tr/g)).toHaveLength(3);
    expect(html).toContain('Globex');
  });

  it('renders the empty state instead of an empty table', () => {
    const html = renderToStaticMarkup(
      createElement(DataTable<{ id: string; name: string }>, {
        columns,
        rows: [],
        rowKey: (r) => r.id,
        empty: 'Nothing yet',
      }),
    );
    expect(html).toBe('Nothing yet');
  });
});
