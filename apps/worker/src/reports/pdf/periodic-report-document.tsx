import type { PeriodicReportData } from '@palisade/db/queries/reports/periodic-report-data';
import { Document, Text, View } from '@react-pdf/renderer';
import { BarChart, LineChart } from './report-charts';
import { CoverPage, type ReportBrand, ReportPage, SectionTitle, Tiles } from './report-frame';
import { formatDate, formatDateTime, formatDuration, formatPercent, humanize, pdfText } from './report-text';
import { MUTED, SEVERITY_COLORS, styles, VERDICT_COLORS } from './report-theme';

export type PeriodicReportProps = {
  brand: ReportBrand;
  title: string;
  data: PeriodicReportData;
  timeZone: string;
  generatedAt: Date;
};

const STATUS_COLORS: Record<string, string> = {
  new: '#6b7280',
  assigned: '#1d4ed8',
  in_progress: '#c2410c',
  resolved: '#15803d',
  closed: '#111827',
};

const hours = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined ? null : seconds / 3600;

export function PeriodicReportDocument({ brand, title, data, timeZone, generatedAt }: PeriodicReportProps) {
  const lastDay = new Date(data.to.getTime() - 1);
  const period = `${formatDate(data.from, timeZone)} to ${formatDate(lastDay, timeZone)}`;
  const totals = data.kpiTotals;
  const slaMet = data.sla.reduce((a, s) => a + s.met, 0);
  const slaBreached = data.sla.reduce((a, s) => a + s.breached, 0);
  const compliance = slaMet + slaBreached > 0 ? slaMet / (slaMet + slaBreached) : null;
  const labels = data.kpiTrend.map((r) => r.period ?? '');
  return (
    <Document
      title={pdfText(title, 200)}
      author={pdfText(brand.msspName, 200)}
      subject="Periodic security report"
    >
      <CoverPage
        brand={brand}
        kindLabel="PERIODIC SECURITY REPORT"
        title={title}
        subtitle={`Incidents opened ${period} (${timeZone})`}
        generatedAt={formatDateTime(generatedAt, timeZone)}
      />
      <ReportPage brand={brand} title={title}>
        <SectionTitle id="overview">Overview</SectionTitle>
        <Tiles
          tiles={[
            { label: 'Incidents', value: String(data.total) },
            { label: 'Resolved', value: String(totals?.resolved ?? 0) },
            { label: 'SLA compliance', value: formatPercent(compliance) },
            { label: 'Median time to resolve', value: formatDuration(totals?.timeToResolve.median) },
          ]}
        />
        <SectionTitle id="counts">Incidents by severity and status</SectionTitle>
        {data.total === 0 ? <Text style={styles.muted}>No incidents were opened in this period.</Text> : null}
        <BarChart
          title="By severity"
          bars={data.bySeverity.map((r) => ({
            label: r.severity,
            value: r.count,
            color: SEVERITY_COLORS[r.severity] ?? MUTED,
          }))}
        />
        <BarChart
          title="By status"
          bars={data.byStatus.map((r) => ({
            label: humanize(r.status),
            value: r.count,
            color: STATUS_COLORS[r.status] ?? MUTED,
          }))}
        />
        <SectionTitle id="sla">SLA compliance</SectionTitle>
        {data.sla.length === 0 ? (
          <Text style={styles.muted}>No SLA timers ran for incidents of this period.</Text>
        ) : (
          data.sla.map((s) => (
            <View key={s.kind} style={styles.row} wrap={false}>
              <Text style={{ width: 130 }}>{`Time to ${s.kind}`}</Text>
              <Text style={{ width: 80 }}>{`met ${s.met}`}</Text>
              <Text style={{ width: 80 }}>{`breached ${s.breached}`}</Text>
              <Text style={{ width: 80 }}>{`running ${s.running}`}</Text>
              <Text style={[styles.bold, { flex: 1 }]}>{`compliance ${formatPercent(s.compliance)}`}</Text>
            </View>
          ))
        )}
        <SectionTitle id="kpis">KPI trends</SectionTitle>
        <View style={styles.row}>
          <Text style={{ width: 160 }}>Time to assign (median / p90)</Text>
          <Text>{`${formatDuration(totals?.timeToAssign.median)} / ${formatDuration(totals?.timeToAssign.p90)}`}</Text>
        </View>
        <View style={styles.row}>
          <Text style={{ width: 160 }}>Time to first response (median / p90)</Text>
          <Text>{`${formatDuration(totals?.timeToFirstResponse.median)} / ${formatDuration(totals?.timeToFirstResponse.p90)}`}</Text>
        </View>
        <View style={styles.row}>
          <Text style={{ width: 160 }}>Time to resolve (median / p90)</Text>
          <Text>{`${formatDuration(totals?.timeToResolve.median)} / ${formatDuration(totals?.timeToResolve.p90)}`}</Text>
        </View>
        {labels.length > 0 ? (
          <>
            <LineChart
              title={`Incidents per ${data.trendBucket}`}
              labels={labels}
              unit="incidents"
              series={[
                {
                  name: 'opened',
                  color: brand.colors.primary,
                  points: data.kpiTrend.map((r) => r.incidents),
                },
                {
                  name: 'resolved',
                  color: brand.colors.accent,
                  points: data.kpiTrend.map((r) => r.resolved),
                },
              ]}
            />
            <LineChart
              title={`Median response times per ${data.trendBucket}`}
              labels={labels}
              unit="h"
              series={[
                {
                  name: 'time to assign',
                  color: brand.colors.primary,
                  points: data.kpiTrend.map((r) => hours(r.timeToAssign.median)),
                },
                {
                  name: 'time to resolve',
                  color: brand.colors.accent,
                  points: data.kpiTrend.map((r) => hours(r.timeToResolve.median)),
                },
              ]}
            />
          </>
        ) : null}
        <SectionTitle id="artifacts">Top artifacts</SectionTitle>
        {data.topArtifacts.length === 0 ? <Text style={styles.muted}>No artifacts.</Text> : null}
        {data.topArtifacts.map((a) => (
          <View key={`${a.type}:${a.value}`} style={styles.row} wrap={false}>
            <Text style={{ width: 60, color: MUTED }}>{pdfText(a.type, 30)}</Text>
            <Text style={[styles.mono, { flex: 1 }]}>{pdfText(a.value, 300)}</Text>
            <Text style={{ width: 70, color: VERDICT_COLORS[a.verdict ?? ''] ?? MUTED }}>
              {a.verdict ?? 'not enriched'}
            </Text>
            <Text style={{ width: 70, textAlign: 'right' }}>{`${a.incidents} incidents`}</Text>
          </View>
        ))}
        <SectionTitle id="techniques">Top ATT&CK techniques</SectionTitle>
        {data.topTechniques.length === 0 ? (
          <Text style={styles.muted}>No techniques were mapped.</Text>
        ) : null}
        {data.topTechniques.map((t) => (
          <View key={t.id} style={styles.row} wrap={false}>
            <Text style={{ width: 60 }}>{pdfText(t.id, 20)}</Text>
            <Text style={{ flex: 1 }}>{pdfText(t.name, 200)}</Text>
            <Text style={{ width: 70, textAlign: 'right' }}>{`${t.incidents} incidents`}</Text>
          </View>
        ))}
        <SectionTitle id="notable">Notable incidents</SectionTitle>
        {data.notable.length === 0 ? (
          <Text style={styles.muted}>No critical or high severity incidents.</Text>
        ) : null}
        {data.notable.map((n) => (
          <View key={n.reference} style={styles.row} wrap={false}>
            <Text style={{ width: 70 }}>{n.reference}</Text>
            <Text style={{ flex: 1 }}>{pdfText(n.title, 300)}</Text>
            <Text style={{ width: 50, color: SEVERITY_COLORS[n.severity] ?? MUTED }}>{n.severity}</Text>
            <Text style={{ width: 60 }}>{humanize(n.status)}</Text>
            <Text style={{ width: 70, color: MUTED }}>{formatDate(n.createdAt, timeZone)}</Text>
          </View>
        ))}
      </ReportPage>
    </Document>
  );
}
