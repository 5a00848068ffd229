import type { LifecycleStats } from '@palisade/db/queries/daemons/incident-analyses';
import { Document, Text, View } from '@react-pdf/renderer';
import { type ReportBrand, ReportPage, SectionTitle, Tiles } from '../../../reports/pdf/report-frame';
import { formatDate } from '../../../reports/pdf/report-text';
import { styles } from '../../../reports/pdf/report-theme';

const h = (v: number | null) => (v === null ? '—' : `${v} h`);

/** The rows both the CSV and the PDF show, in one place. */
export function lifecycleRows(s: LifecycleStats): [string, string][] {
  return [
    ['Incidents created', String(s.incidents)],
    ['Resolved or closed', String(s.resolved)],
    ['Average lifespan (created → resolved)', h(s.avgLifespanHours)],
    ['Average time to assign (new → assigned)', h(s.avgToAssignHours)],
    ['Average investigation (assigned → resolved)', h(s.avgAssignToResolveHours)],
    ['Average closing (resolved → closed)', h(s.avgResolveToCloseHours)],
    ['Investigators (distinct people)', String(s.investigators)],
    [
      'Investigators per incident (average)',
      s.avgInvestigatorsPerIncident === null ? '—' : String(s.avgInvestigatorsPerIncident),
    ],
  ];
}

/** One page on the tenant's branded report frame (shared with the incident and periodic reports). */
export function LifecycleReportDocument({
  brand,
  stats,
  timeZone,
}: {
  brand: ReportBrand;
  stats: LifecycleStats;
  timeZone: string;
}) {
  const title = `Incident lifecycle ${formatDate(stats.from, timeZone)} – ${formatDate(stats.to, timeZone)}`;
  return (
    <Document title={title} author={brand.msspName}>
      <ReportPage brand={brand} title={title}>
        <SectionTitle id="summary">{title}</SectionTitle>
        <Tiles
          tiles={[
            { label: 'Incidents', value: String(stats.incidents) },
            { label: 'Average lifespan', value: h(stats.avgLifespanHours) },
            { label: 'Investigators', value: String(stats.investigators) },
          ]}
        />
        <SectionTitle id="phases">Phases</SectionTitle>
        {lifecycleRows(stats).map(([label, value]) => (
          <View key={label} style={styles.row}>
            <Text style={styles.factLabel}>{label}</Text>
            <Text style={styles.factValue}>{value}</Text>
          </View>
        ))}
      </ReportPage>
    </Document>
  );
}
