import { StyleSheet } from '@react-pdf/renderer';

/** Report colours: the tenant's brand, with fixed neutrals for text and rules. */
export type ReportColors = { primary: string; accent: string };

export const INK = '#111827';
export const MUTED = '#6b7280';
export const RULE = '#e5e7eb';

export const VERDICT_COLORS: Record<string, string> = {
  malicious: '#b91c1c',
  suspicious: '#c2410c',
  unknown: '#6b7280',
  benign: '#15803d',
};

export const SEVERITY_COLORS: Record<string, string> = {
  critical: '#7f1d1d',
  high: '#b91c1c',
  medium: '#c2410c',
  low: '#1d4ed8',
  info: '#6b7280',
};

export const styles = StyleSheet.create({
  page: {
    paddingTop: 56,
    paddingBottom: 56,
    paddingHorizontal: 40,
    fontSize: 9,
    color: INK,
    fontFamily: 'Helvetica',
  },
  header: {
    position: 'absolute',
    top: 20,
    left: 40,
    right: 40,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontSize: 8,
    color: MUTED,
    borderBottomWidth: 1,
    borderBottomColor: RULE,
    paddingBottom: 4,
  },
  footer: {
    position: 'absolute',
    bottom: 20,
    left: 40,
    right: 40,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontSize: 7,
    color: MUTED,
    borderTopWidth: 1,
    borderTopColor: RULE,
    paddingTop: 4,
  },
  footerText: { maxWidth: 420 },
  h1: { fontSize: 16, fontFamily: 'Helvetica-Bold', marginBottom: 8 },
  h2: { fontSize: 12, fontFamily: 'Helvetica-Bold', marginTop: 14, marginBottom: 6 },
  h3: { fontSize: 10, fontFamily: 'Helvetica-Bold', marginTop: 8, marginBottom: 3 },
  paragraph: { marginBottom: 4, lineHeight: 1.4 },
  muted: { color: MUTED },
  row: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: RULE, paddingVertical: 3 },
  headRow: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: INK, paddingVertical: 3 },
  bold: { fontFamily: 'Helvetica-Bold' },
  factLabel: { width: 130, color: MUTED },
  factValue: { flex: 1 },
  tile: { flex: 1, padding: 8, borderWidth: 1, borderColor: RULE, marginRight: 6 },
  tileValue: { fontSize: 14, fontFamily: 'Helvetica-Bold' },
  tileLabel: { fontSize: 7, color: MUTED, marginTop: 2 },
  mono: { fontFamily: 'Courier', fontSize: 8 },
});
