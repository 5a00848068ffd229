import type { IncidentKpis } from '@palisade/db/queries/kpis/incident-kpis';
import type {
  IncidentReportHeader,
  IncidentSlaOutcome,
  ReportArtifact,
} from '@palisade/db/queries/reports/incident-report-data';
import { Document, Link, Text, View } from '@react-pdf/renderer';
import {
  CoverPage,
  Facts,
  Paragraphs,
  type ReportBrand,
  ReportPage,
  SectionTitle,
  Tiles,
} from './report-frame';
import { formatDateTime, formatDuration, humanize, pdfText } from './report-text';
import { MUTED, styles, VERDICT_COLORS } from './report-theme';

export type IncidentReportProps = {
  brand: ReportBrand;
  header: IncidentReportHeader;
  /** Every artifact of the incident, worst verdict first (read page by page). */
  artifacts: readonly ReportArtifact[];
  kpis: IncidentKpis | null;
  sla: readonly IncidentSlaOutcome[];
  timeZone: string;
  generatedAt: Date;
};

/** A table of contents is printed once the report runs past a few pages. */
const LONG_REPORT_ARTIFACTS = 40;
const LONG_REPORT_EVENTS = 60;
/** Evidence lines printed per provider for malicious and suspicious artifacts. */
const FACTS_PER_PROVIDER = 4;

const SECTIONS = [
  ['summary', 'Executive summary'],
  ['facts', 'Incident facts'],
  ['timeline', 'Timeline'],
  ['artifacts', 'Artifacts and enrichment'],
  ['attack', 'MITRE ATT&CK techniques'],
  ['kpis', 'Response KPIs and SLA'],
  ['recommendations', 'Recommendations'],
  ['notes', 'Analyst notes'],
] as const;
type SectionId = (typeof SECTIONS)[number][0];
const title = (id: SectionId) => SECTIONS.find(([s]) => s === id)?.[1] ?? id;

export function IncidentReportDocument(props: IncidentReportProps) {
  const { brand, header, timeZone } = props;
  const i = header.incident;
  const long = header.artifactCount > LONG_REPORT_ARTIFACTS || header.timeline.length > LONG_REPORT_EVENTS;
  const docTitle = `${i.reference} ${i.title}`;
  return (
    <Document title={pdfText(docTitle, 200)} author={pdfText(brand.msspName, 200)} subject="Incident report">
      <CoverPage
        brand={brand}
        kindLabel="INCIDENT REPORT"
        title={`${i.reference}: ${i.title}`}
        subtitle={`Severity ${i.severity}, status ${humanize(i.status)}. First alert ${formatDateTime(i.firstAlertAt, timeZone)}.`}
        generatedAt={formatDateTime(props.generatedAt, timeZone)}
      />
      <ReportPage brand={brand} title={`Incident report ${i.reference}`}>
        {long ? <Contents /> : null}
        <SectionTitle id="summary">{title('summary')}</SectionTitle>
        <Paragraphs
          text={header.narrative.executiveSummary}
          empty="No executive summary was written for this incident."
        />
        <SectionTitle id="facts">{title('facts')}</SectionTitle>
        <IncidentFacts header={header} timeZone={timeZone} />
        <SectionTitle id="timeline">{title('timeline')}</SectionTitle>
        <Timeline header={header} timeZone={timeZone} />
        <SectionTitle id="artifacts">{title('artifacts')}</SectionTitle>
        <Artifacts header={header} artifacts={props.artifacts} />
        <SectionTitle id="attack">{title('attack')}</SectionTitle>
        <Techniques header={header} />
        <SectionTitle id="kpis">{title('kpis')}</SectionTitle>
        <Kpis kpis={props.kpis} sla={props.sla} timeZone={timeZone} />
        <SectionTitle id="recommendations">{title('recommendations')}</SectionTitle>
        <Paragraphs text={header.narrative.recommendations} empty="No recommendations were recorded." />
        <SectionTitle id="notes">{title('notes')}</SectionTitle>
        <Notes header={header} timeZone={timeZone} />
      </ReportPage>
    </Document>
  );
}

function Contents() {
  return (
    <View style={{ marginBottom: 10 }}>
      <Text style={styles.h1}>Contents</Text>
      {SECTIONS.map(([id, label], n) => (
        <Link key={id} src={`#${id}`} style={{ color: '#111827', textDecoration: 'none', marginBottom: 3 }}>
          {`${n + 1}. ${label}`}
        </Link>
      ))}
    </View>
  );
}

function IncidentFacts({ header, timeZone }: { header: IncidentReportHeader; timeZone: string }) {
  const i = header.incident;
  const at = (d: Date | null) => formatDateTime(d, timeZone);
  return (
    <Facts
      rows={[
        ['Reference', i.reference],
        ['Title', i.title],
        ['Severity / priority', `${i.severity} / ${i.priority.toUpperCase()}`],
        ['Status', humanize(i.status)],
        ['Assigned analyst', i.assigneeName ?? 'unassigned'],
        ['Detection rule', i.ruleName ?? '—'],
        ['Source', i.sourceProduct ?? '—'],
        ['Alerts', String(i.alertCount)],
        ['Artifacts', String(header.artifactCount)],
        ['Tags', i.tags.length ? i.tags.join(', ') : '—'],
        ['First alert', at(i.firstAlertAt)],
        ['Last alert', at(i.lastAlertAt)],
        ['Opened', at(i.createdAt)],
        ['Assigned', at(i.assignedAt)],
        ['Resolved', at(i.resolvedAt)],
        ['Closed', at(i.closedAt)],
        ...(i.description ? ([['Description', i.description]] as const) : []),
      ]}
    />
  );
}

function describeEvent(kind: string, data: Record<string, unknown>): string {
  const s = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
  switch (kind) {
    case 'status_changed':
      return `Status ${humanize(s(data.from))} to ${humanize(s(data.to))}`;
    case 'severity_changed':
      return `Severity ${s(data.from)} to ${s(data.to)}`;
    case 'priority_changed':
      return `Priority ${s(data.from)} to ${s(data.to)}`;
    case 'assigned':
      return data.toName ? `Assigned to ${s(data.toName)}` : data.to ? 'Assigned' : 'Unassigned';
    case 'alert_added':
      return data.title ? `Alert added: ${s(data.title)}` : 'Alert added';
    case 'tag_added':
      return `Tag added: ${s(data.tag)}`;
    case 'tag_removed':
      return `Tag removed: ${s(data.tag)}`;
    case 'comment_added':
      return 'Shared note added';
    case 'related_linked':
      return 'Related incident linked';
    default:
      return humanize(kind);
  }
}

function Timeline({ header, timeZone }: { header: IncidentReportHeader; timeZone: string }) {
  const omitted = header.timelineTotal - header.timeline.length;
  return (
    <View>
      {omitted > 0 ? (
        <Text style={[styles.paragraph, styles.muted]}>
          {`${omitted} earlier events are not printed; the latest ${header.timeline.length} follow.`}
        </Text>
      ) : null}
      {header.timeline.length === 0 ? <Text style={styles.muted}>No events.</Text> : null}
      {header.timeline.map((e, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: events are printed in order and never reordered
        <View key={n} style={styles.row} wrap={false}>
          <Text style={{ width: 150, color: MUTED }}>{formatDateTime(e.at, timeZone)}</Text>
          <Text style={{ flex: 1 }}>{pdfText(describeEvent(e.kind, e.data), 300)}</Text>
          <Text style={{ width: 110, color: MUTED }}>{pdfText(e.actorName ?? 'system', 60)}</Text>
        </View>
      ))}
    </View>
  );
}

/** Artifacts without a malicious or suspicious verdict, printed as monospace lines per block. */
const LINES_PER_BLOCK = 40;

function Artifacts({
  header,
  artifacts,
}: {
  header: IncidentReportHeader;
  artifacts: readonly ReportArtifact[];
}) {
  const counts = Object.entries(header.verdictCounts)
    .map(([verdict, n]) => `${verdict}: ${n}`)
    .join(', ');
  const flagged = artifacts.filter((a) => a.verdict === 'malicious' || a.verdict === 'suspicious');
  const rest = artifacts.filter((a) => a.verdict !== 'malicious' && a.verdict !== 'suspicious');
  // A row of layout nodes per artifact took a 10,000-artifact report past 2 GiB RSS; the unflagged ones
  // (nearly all of a large incident) share one text node per block of lines instead.
  const blocks: ReportArtifact[][] = [];
  for (let i = 0; i < rest.length; i += LINES_PER_BLOCK) blocks.push(rest.slice(i, i + LINES_PER_BLOCK));
  return (
    <View>
      <Text
        style={styles.paragraph}
      >{`${header.artifactCount} artifacts (${counts || 'none'}), worst verdict first.`}</Text>
      {flagged.length > 0 ? (
        <View style={styles.headRow}>
          <Text style={[styles.bold, { width: 60 }]}>Type</Text>
          <Text style={[styles.bold, { flex: 1 }]}>Value and evidence</Text>
          <Text style={[styles.bold, { width: 70 }]}>Verdict</Text>
          <Text style={[styles.bold, { width: 36, textAlign: 'right' }]}>Score</Text>
        </View>
      ) : null}
      {flagged.map((a) => (
        <ArtifactRow key={a.id} artifact={a} />
      ))}
      {blocks.length > 0 ? (
        <Text
          style={[styles.h3, { marginTop: 10 }]}
        >{`Other artifacts (${rest.length}): verdict, score, type, value, providers`}</Text>
      ) : null}
      {blocks.map((block) => (
        <Text key={block[0]?.id} style={[styles.mono, { lineHeight: 1.35 }]}>
          {block.map(artifactLine).join('\n')}
        </Text>
      ))}
    </View>
  );
}

function artifactLine(a: ReportArtifact): string {
  const providers = a.evidence.map((e) => `${e.provider}: ${e.verdict ?? '—'}`).join(', ');
  const head = `${(a.verdict ?? 'not enriched').padEnd(12)} ${(a.score === null ? '—' : String(a.score)).padStart(3)}  ${a.type.padEnd(8)} `;
  return pdfText(`${head}${a.value}${providers ? `  (${providers})` : ''}`, 700);
}

function ArtifactRow({ artifact: a }: { artifact: ReportArtifact }) {
  return (
    <View style={styles.row} wrap={false}>
      <Text style={{ width: 60, color: MUTED }}>{pdfText(a.type, 30)}</Text>
      <View style={{ flex: 1 }}>
        <Text style={styles.mono}>{pdfText(a.value, 600)}</Text>
        {a.evidence.map((e) => (
          <Text key={e.provider} style={{ fontSize: 7, color: MUTED }}>
            {pdfText(
              `${e.provider}: ${e.verdict ?? '—'}${e.score === null ? '' : ` (${e.score})`}${
                e.facts.length ? `; ${e.facts.slice(0, FACTS_PER_PROVIDER).join('; ')}` : ''
              }`,
              500,
            )}
          </Text>
        ))}
      </View>
      <Text style={{ width: 70, color: VERDICT_COLORS[a.verdict ?? ''] ?? MUTED }}>
        {a.verdict ?? 'not enriched'}
      </Text>
      <Text style={{ width: 36, textAlign: 'right' }}>{a.score === null ? '—' : String(a.score)}</Text>
    </View>
  );
}

function Techniques({ header }: { header: IncidentReportHeader }) {
  if (header.techniques.length === 0)
    return <Text style={styles.muted}>No ATT&CK techniques were mapped.</Text>;
  const byTactic = new Map<string, { id: string; name: string }[]>();
  for (const t of header.techniques) {
    for (const tactic of t.tactics.length ? t.tactics : ['unspecified']) {
      byTactic.set(tactic, [...(byTactic.get(tactic) ?? []), t]);
    }
  }
  return (
    <View>
      {[...byTactic.entries()].map(([tactic, techniques]) => (
        <View key={tactic} wrap={false} style={{ marginBottom: 4 }}>
          <Text style={styles.h3}>{humanize(tactic).replace(/-/g, ' ')}</Text>
          {techniques.map((t) => (
            <Text key={t.id}>{pdfText(`${t.id}  ${t.name}`, 200)}</Text>
          ))}
        </View>
      ))}
      <Text style={{ fontSize: 6, color: MUTED, marginTop: 4 }}>
        MITRE ATT&CK® is a registered trademark of The MITRE Corporation; technique names from ATT&CK
        Enterprise.
      </Text>
    </View>
  );
}

function Kpis({
  kpis,
  sla,
  timeZone,
}: {
  kpis: IncidentKpis | null;
  sla: readonly IncidentSlaOutcome[];
  timeZone: string;
}) {
  return (
    <View>
      <Tiles
        tiles={[
          { label: 'Time to assign', value: formatDuration(kpis?.timeToAssign) },
          { label: 'Time to first response', value: formatDuration(kpis?.timeToFirstResponse) },
          { label: 'Time to resolve', value: formatDuration(kpis?.timeToResolve) },
        ]}
      />
      {sla.length === 0 ? (
        <Text style={styles.muted}>No SLA timers ran for this incident.</Text>
      ) : (
        sla.map((t, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: timers are listed in start order
          <View key={n} style={styles.row} wrap={false}>
            <Text style={{ width: 130 }}>{`SLA: time to ${t.kind}`}</Text>
            <Text
              style={{
                width: 70,
                color: t.outcome === 'breached' ? '#b91c1c' : t.outcome === 'met' ? '#15803d' : MUTED,
              }}
            >
              {t.outcome}
            </Text>
            <Text style={{ flex: 1, color: MUTED }}>
              {`due ${formatDateTime(t.dueAt, timeZone)}${t.metAt ? `, met ${formatDateTime(t.metAt, timeZone)}` : ''}${
                t.breachedAt ? `, breached ${formatDateTime(t.breachedAt, timeZone)}` : ''
              }`}
            </Text>
          </View>
        ))
      )}
    </View>
  );
}

function Notes({ header, timeZone }: { header: IncidentReportHeader; timeZone: string }) {
  if (header.sharedNotes.length === 0) return <Text style={styles.muted}>No shared analyst notes.</Text>;
  return (
    <View>
      {header.sharedNotes.map((n, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: notes are printed in order
        <View key={k} style={{ marginBottom: 6 }} wrap={false}>
          <Text style={[styles.muted, { fontSize: 8 }]}>
            {pdfText(`${n.authorName ?? 'Analyst'}, ${formatDateTime(n.at, timeZone)}`, 200)}
          </Text>
          <Text style={styles.paragraph}>{pdfText(n.body, 10_000)}</Text>
        </View>
      ))}
    </View>
  );
}
