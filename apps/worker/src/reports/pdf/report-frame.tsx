import { Image, Page, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { PdfImage } from './report-logo';
import { pdfText } from './report-text';
import { MUTED, type ReportColors, styles } from './report-theme';

export type ReportBrand = {
  companyName: string;
  msspName: string;
  legalFooter: string;
  colors: ReportColors;
  logo: PdfImage | null;
  msspLogo: PdfImage | null;
};

/** A content page: running header (report title, client) and footer (legal text, page x of y). */
export function ReportPage({
  brand,
  title,
  children,
}: {
  brand: ReportBrand;
  title: string;
  children: ReactNode;
}) {
  return (
    <Page size="A4" style={styles.page} wrap>
      <View style={styles.header} fixed>
        <Text>{pdfText(title, 120)}</Text>
        <Text>{pdfText(brand.companyName, 80)}</Text>
      </View>
      {children}
      <View style={styles.footer} fixed>
        <Text style={styles.footerText}>
          {pdfText(
            brand.legalFooter || `Prepared by ${brand.msspName} for ${brand.companyName}. Confidential.`,
            400,
          )}
        </Text>
        <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
      </View>
    </Page>
  );
}

/** The cover: client logo and colour band, report title and subtitle, the MSSP as author. */
export function CoverPage({
  brand,
  kindLabel,
  title,
  subtitle,
  generatedAt,
}: {
  brand: ReportBrand;
  kindLabel: string;
  title: string;
  subtitle: string;
  generatedAt: string;
}) {
  return (
    <Page size="A4" style={{ fontFamily: 'Helvetica', color: '#111827' }}>
      <View
        style={{
          height: 180,
          backgroundColor: brand.colors.primary,
          padding: 40,
          justifyContent: 'flex-end',
        }}
      >
        {brand.logo ? (
          <View style={{ backgroundColor: '#ffffff', padding: 8, width: 112, height: 112, marginBottom: 12 }}>
            <Image src={brand.logo} style={{ width: 96, height: 96, objectFit: 'contain' }} />
          </View>
        ) : null}
        <Text style={{ color: '#ffffff', fontSize: 20, fontFamily: 'Helvetica-Bold' }}>
          {pdfText(brand.companyName, 120)}
        </Text>
      </View>
      <View style={{ height: 6, backgroundColor: brand.colors.accent }} />
      <View style={{ padding: 40, flexGrow: 1 }}>
        <Text style={{ fontSize: 10, color: brand.colors.accent, marginBottom: 6 }}>{kindLabel}</Text>
        <Text style={{ fontSize: 22, fontFamily: 'Helvetica-Bold', marginBottom: 10 }}>
          {pdfText(title, 300)}
        </Text>
        <Text style={{ fontSize: 11, color: MUTED }}>{pdfText(subtitle, 300)}</Text>
        <Text style={{ fontSize: 9, color: MUTED, marginTop: 24 }}>Generated {generatedAt}</Text>
      </View>
      <View style={{ padding: 40, flexDirection: 'row', alignItems: 'center' }}>
        {brand.msspLogo ? (
          <Image
            src={brand.msspLogo}
            style={{ width: 32, height: 32, objectFit: 'contain', marginRight: 8 }}
          />
        ) : null}
        <Text style={{ fontSize: 9, color: MUTED }}>Prepared by {pdfText(brand.msspName, 200)}</Text>
      </View>
    </Page>
  );
}

/** A section heading; its id is the link target of the contents page. */
export function SectionTitle({ id, children }: { id: string; children: string }) {
  return (
    <Text id={id} style={styles.h2} minPresenceAhead={40}>
      {children}
    </Text>
  );
}

/** Label/value rows. */
export function Facts({ rows }: { rows: readonly (readonly [string, string])[] }) {
  return (
    <View>
      {rows.map(([label, value]) => (
        <View key={label} style={styles.row} wrap={false}>
          <Text style={styles.factLabel}>{label}</Text>
          <Text style={styles.factValue}>{pdfText(value, 2000)}</Text>
        </View>
      ))}
    </View>
  );
}

/** Paragraphs of user text: line breaks kept, nothing interpreted. */
export function Paragraphs({ text, empty }: { text: string; empty: string }) {
  const paragraphs = pdfText(text, 20_000)
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return <Text style={[styles.paragraph, styles.muted]}>{empty}</Text>;
  return (
    <View>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity beyond their order
        <Text key={i} style={styles.paragraph}>
          {p}
        </Text>
      ))}
    </View>
  );
}

/** KPI tiles in one row. */
export function Tiles({ tiles }: { tiles: readonly { label: string; value: string }[] }) {
  return (
    <View style={{ flexDirection: 'row', marginBottom: 6 }} wrap={false}>
      {tiles.map((t) => (
        <View key={t.label} style={styles.tile}>
          <Text style={styles.tileValue}>{t.value}</Text>
          <Text style={styles.tileLabel}>{t.label}</Text>
        </View>
      ))}
    </View>
  );
}
