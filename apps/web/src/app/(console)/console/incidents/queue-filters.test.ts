import { describe, expect, it } from 'vitest';
import { parseQueueState, queueSearch } from './queue-filters';

const tenant = '0b7c6c1e-1d7a-4a52-9c1e-000000000001';
const source = '6f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b';

describe('queue state in the URL', () => {
  it('reads every filter', () => {
    const state = parseQueueState(
      new URLSearchParams(
        `tenant=${tenant}&severity=high,critical&status=new&assignee=unassigned&source=${source}&from=2026-01-02&to=2026-01-03&q=evil.com&sort=number&dir=asc`,
      ),
    );
    expect(state).toEqual({
      tenantId: tenant,
      severity: ['high', 'critical'],
      status: ['new'],
      assigneeUserId: 'unassigned',
      dataSourceId: source,
      from: new Date('2026-01-02T00:00:00.000Z'),
      to: new Date('2026-01-03T23:59:59.999Z'),
      search: 'evil.com',
      sort: 'number',
      direction: 'asc',
    });
  });

  it('drops invalid parameters one by one and keeps the rest', () => {
    const state = parseQueueState(
      new URLSearchParams(
        'tenant=not-a-uuid&source=Falcon&severity=bogus,high&status=nope&from=yesterday&sort=x&q=%20',
      ),
    );
    expect(state).toEqual({ severity: ['high'], sort: 'last_alert_at', direction: 'desc' });
  });

  it('round-trips through the URL', () => {
    const search = `tenant=${tenant}&severity=low&status=resolved%2Cclosed&assignee=${tenant}&from=2026-01-02&to=2026-01-03&q=x&sort=created_at&dir=asc`;
    expect(queueSearch(parseQueueState(new URLSearchParams(search)))).toBe(search);
    expect(queueSearch(parseQueueState(new URLSearchParams('')))).toBe('');
  });
});
