'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDuration, formatPercent } from './format-duration';

/** One plotted series: a key of the data rows, its legend name and colour. */
export type ChartSeries = {
  key: string;
  name: string;
  color: string;
  /** Extra class on the series' layer (the portal recolours it to the tenant's brand through CSS). */
  className?: string;
};

type Datum = Record<string, string | number | null>;
type ChartProps = {
  /** Read by screen readers in place of the drawing. */
  label: string;
  data: Datum[];
  xKey: string;
  series: ChartSeries[];
  /** Durations (seconds), plain counts or 0–1 fractions on the value axis. */
  unit: 'seconds' | 'count' | 'fraction';
  /** Off when the page draws its own legend (recharts' would not follow CSS-recoloured series). */
  legend?: boolean;
};

const tick = { fontSize: 12, fill: '#475569' };
const valueFormatter = (unit: ChartProps['unit']) => (v: unknown) => {
  const n = typeof v === 'number' ? v : null;
  if (unit === 'seconds') return formatDuration(n);
  if (unit === 'fraction') return formatPercent(n);
  return String(v ?? '—');
};

// Charts render in the browser only (they need the container's size): the pages load their data
// through react-query, so nothing here is server-rendered into inline styles the CSP would drop.

/** Lines over periods (gaps where a period has no value). */
export function KpiLineChart({ label, data, xKey, series, unit, legend = true }: ChartProps) {
  const format = valueFormatter(unit);
  return (
    <figure aria-label={label} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey={xKey} tick={tick} />
          <YAxis
            tick={tick}
            tickFormatter={format}
            width={72}
            allowDecimals={unit !== 'count'}
            {...(unit === 'fraction' ? { domain: [0, 1] } : {})}
          />
          <Tooltip formatter={(v) => format(v)} />
          {legend ? <Legend /> : null}
          {series.map((s) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              className={s.className}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Bars per category; `stacked` piles the series (e.g. assign and resolve breaches). */
export function KpiBarChart({
  label,
  data,
  xKey,
  series,
  unit,
  legend = true,
  stacked = false,
}: ChartProps & { stacked?: boolean }) {
  const format = valueFormatter(unit);
  return (
    <figure aria-label={label} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          {/* Every category label while they fit (tenant names); thinned out on long period axes. */}
          <XAxis dataKey={xKey} tick={tick} interval={data.length <= 8 ? 0 : 'preserveStartEnd'} />
          <YAxis
            tick={tick}
            tickFormatter={format}
            width={72}
            allowDecimals={unit !== 'count'}
            {...(unit === 'fraction' ? { domain: [0, 1] } : {})}
          />
          <Tooltip formatter={(v) => format(v)} />
          {legend ? <Legend /> : null}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              className={s.className}
              {...(stacked ? { stackId: 'stack' } : {})}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
