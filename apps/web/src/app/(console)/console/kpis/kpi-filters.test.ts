import { describe, expect, it } from 'vitest';
import { kpiQueryInput, kpiSearch, parseKpiState } from './kpi-filters';

const TODAY = new Date('2026-03-31T15:00:00Z');
const TENANT = '0b6f3c58-3f4b-4d8e-9a52-0c6e5f1a2b3c';

describe('parseKpiState', () => {
  it('defaults to the last 90 days by week, per tenant, time to resolve', () => {
    expect(parseKpiState(new URLSearchParams(), TODAY)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      period: 'week',
      breakdown: 'tenant',
      metric: 'timeToResolve',
    });
  });

  it('reads every filter and drops only the bad ones', () => {
    const p = new URLSearchParams(
      `tenant=${TENANT}&severity=high,bogus,critical,high&analyst=unassigned&from=2026-02-01&to=2026-02-28&period=month&by=analyst&metric=nope`,
    );
    expect(parseKpiState(p, TODAY)).toEqual({
      tenantId: TENANT,
      severity: ['high', 'critical'],
      analystUserId: 'unassigned',
      from: '2026-02-01',
      to: '2026-02-28',
      period: 'month',
      breakdown: 'analyst',
      metric: 'timeToResolve',
    });
    expect(parseKpiState(new URLSearchParams('from=2026-04-10&tenant=x'), TODAY)).toMatchObject({
      from: '2026-01-01',
    });
  });

  it('round-trips through the URL', () => {
    const state = parseKpiState(new URLSearchParams(`tenant=${TENANT}&period=day&by=severity`), TODAY);
    expect(parseKpiState(new URLSearchParams(kpiSearch(state)), TODAY)).toEqual(state);
  });
});

it('turns the inclusive day range into the query half-open range', () => {
  const state = parseKpiState(new URLSearchParams('from=2026-02-01&to=2026-02-28&severity=low'), TODAY);
  expect(kpiQueryInput(state, ['week'])).toEqual({
    severity: ['low'],
    from: new Date('2026-02-01T00:00:00Z'),
    to: new Date('2026-03-01T00:00:00Z'),
    groupBy: ['week'],
  });
});
