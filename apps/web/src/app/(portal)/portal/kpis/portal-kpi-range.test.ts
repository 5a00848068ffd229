import { expect, it } from 'vitest';
import { parsePortalRange, portalKpiRange } from './portal-kpi-range';

it('covers whole months up to the end of the current one', () => {
  expect(portalKpiRange('6m', new Date('2026-03-15T10:00:00Z'))).toEqual({
    from: new Date('2025-10-01T00:00:00Z'),
    to: new Date('2026-04-01T00:00:00Z'),
    period: 'month',
  });
  expect(portalKpiRange('3m', new Date('2026-01-31T23:00:00Z'))).toEqual({
    from: new Date('2025-11-01T00:00:00Z'),
    to: new Date('2026-02-01T00:00:00Z'),
    period: 'week',
  });
});

it('falls back to six months for an unknown range', () => {
  expect([
    parsePortalRange('12m'),
    parsePortalRange('5y'),
    parsePortalRange('constructor'),
    parsePortalRange(null),
  ]).toEqual(['12m', '6m', '6m', '6m']);
});
