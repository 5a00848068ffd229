import type { KpiRow } from '@palisade/db/queries/kpis/tenant-kpis';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { KPI_CSV_COLUMNS, kpiRowsToCsv } from './kpi-csv';

const none = { count: 0, mean: null, median: null, p90: null };
const row: KpiRow = {
  tenantId: '0b6f3c58-3f4b-4d8e-9a52-0c6e5f1a2b3c',
  tenantName: '=HYPERLINK("x")',
  severity: 'critical',
  analystUserId: null,
  analystName: null,
  period: '2026-03-02',
  incidents: 4,
  open: 2,
  resolved: 2,
  reopened: 1,
  timeToAssign: { count: 3, mean: 160, median: 120, p90: 264.00000000000006 },
  timeToFirstResponse: none,
  timeToResolve: { count: 2, mean: 5400, median: 5400, p90: 6840 },
  timeToResolveNet: { count: 2, mean: 4400, median: 4400, p90: 5040 },
  slaAssign: { met: 3, breached: 1, running: 0, compliance: 0.75 },
  slaResolve: { met: 1, breached: 2, running: 1, compliance: 1 / 3 },
};

it('writes one line per row under the documented header', () => {
  const [header, line, ...rest] = parse(kpiRowsToCsv([row])) as string[][];
  expect(rest).toEqual([]);
  expect(header).toEqual(KPI_CSV_COLUMNS);
  const cell = (name: string) => line?.[KPI_CSV_COLUMNS.indexOf(name)];
  expect(cell('period')).toBe('2026-03-02');
  expect(cell('tenant')).toBe(`'=HYPERLINK("x")`); // a spreadsheet shows it, never runs it
  expect(cell('analyst')).toBe('');
  expect(cell('time_to_assign_p90_s')).toBe('264');
  expect(cell('time_to_first_response_count')).toBe('0');
  expect(cell('time_to_first_response_mean_s')).toBe('');
  expect(cell('time_to_resolve_net_p90_s')).toBe('5040');
  expect(cell('sla_resolve_compliance')).toBe('0.3333');
  expect(line).toHaveLength(KPI_CSV_COLUMNS.length);
});

it('writes only the header without rows', () => {
  expect(kpiRowsToCsv([])).toBe(`${KPI_CSV_COLUMNS.join(',')}\n`);
});
