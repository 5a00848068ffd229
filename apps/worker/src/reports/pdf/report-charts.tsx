import { G, Line, Polyline, Rect, Svg, Text as SvgText, Text, View } from '@react-pdf/renderer';
import { MUTED, RULE, styles } from './report-theme';

const WIDTH = 500;

export type Bar = { label: string; value: number; color: string };

/** Horizontal bars with their values (counts by severity, status, SLA outcome). */
export function BarChart({ bars, title }: { bars: readonly Bar[]; title: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowHeight = 16;
  const labelWidth = 90;
  const height = bars.length * rowHeight + 4;
  return (
    <View wrap={false} style={{ marginBottom: 8 }}>
      <Text style={styles.h3}>{title}</Text>
      <Svg width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`}>
        {bars.map((b, i) => {
          const y = i * rowHeight + 2;
          const w = ((WIDTH - labelWidth - 50) * b.value) / max;
          return (
            <G key={b.label}>
              <SvgText x={0} y={y + 10} style={{ fontSize: 8 }} fill={MUTED}>
                {b.label}
              </SvgText>
              <Rect x={labelWidth} y={y} width={Math.max(w, 0.5)} height={rowHeight - 5} fill={b.color} />
              <SvgText x={labelWidth + w + 4} y={y + 10} style={{ fontSize: 8 }} fill={MUTED}>
                {String(b.value)}
              </SvgText>
            </G>
          );
        })}
      </Svg>
    </View>
  );
}

export type Series = { name: string; color: string; points: readonly (number | null)[] };

/** A line chart over labelled buckets; a null point breaks the line (no data in that bucket). */
export function LineChart({
  title,
  labels,
  series,
  unit,
}: {
  title: string;
  labels: readonly string[];
  series: readonly Series[];
  unit: string;
}) {
  const height = 140;
  const left = 40;
  const bottom = 18;
  const plotW = WIDTH - left - 10;
  const plotH = height - bottom - 10;
  const values = series.flatMap((s) => s.points.filter((p): p is number => p !== null));
  const max = Math.max(1, ...values);
  const x = (i: number) => left + (labels.length <= 1 ? plotW / 2 : (plotW * i) / (labels.length - 1));
  const y = (v: number) => 10 + plotH - (plotH * v) / max;
  const every = Math.max(1, Math.ceil(labels.length / 8));
  return (
    <View wrap={false} style={{ marginBottom: 8 }}>
      <Text style={styles.h3}>{title}</Text>
      <Svg width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`}>
        <Line x1={left} y1={10 + plotH} x2={left + plotW} y2={10 + plotH} stroke={RULE} strokeWidth={1} />
        <Line x1={left} y1={10} x2={left} y2={10 + plotH} stroke={RULE} strokeWidth={1} />
        <SvgText x={0} y={14} style={{ fontSize: 7 }} fill={MUTED}>
          {`${formatAxis(max)} ${unit}`}
        </SvgText>
        <SvgText x={0} y={10 + plotH} style={{ fontSize: 7 }} fill={MUTED}>
          0
        </SvgText>
        {labels.map((label, i) =>
          i % every === 0 ? (
            <SvgText key={label} x={x(i) - 12} y={height - 4} style={{ fontSize: 7 }} fill={MUTED}>
              {label}
            </SvgText>
          ) : null,
        )}
        {series.flatMap((s) =>
          segments(s.points).map((seg) => (
            <Polyline
              key={`${s.name}-${seg[0]?.[0]}`}
              points={seg.map(([i, v]) => `${x(i)},${y(v)}`).join(' ')}
              stroke={s.color}
              strokeWidth={1.5}
              fill="none"
            />
          )),
        )}
        {series.flatMap((s) =>
          s.points.map((v, i) =>
            v === null ? null : (
              <Rect
                key={`${s.name}-p${labels[i]}`}
                x={x(i) - 1.5}
                y={y(v) - 1.5}
                width={3}
                height={3}
                fill={s.color}
              />
            ),
          ),
        )}
      </Svg>
      <View style={{ flexDirection: 'row' }}>
        {series.map((s) => (
          <Text key={s.name} style={{ fontSize: 7, color: s.color, marginRight: 10 }}>
            — {s.name}
          </Text>
        ))}
      </View>
    </View>
  );
}

/** Runs of consecutive non-null points as [index, value] pairs. */
function segments(points: readonly (number | null)[]): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  points.forEach((p, i) => {
    if (p === null) {
      if (current.length) out.push(current);
      current = [];
    } else current.push([i, p]);
  });
  if (current.length) out.push(current);
  return out.map((seg) => (seg.length === 1 && seg[0] ? [seg[0], seg[0]] : seg));
}

const formatAxis = (v: number) => (v >= 100 ? String(Math.round(v)) : String(Math.round(v * 10) / 10));
