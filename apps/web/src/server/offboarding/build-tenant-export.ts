import type { TenantExport } from '@palisade/db/queries/offboarding/export-tenant-data';
import { strToU8, zipSync } from 'fflate';

/** JSON for database values: bytes as base64, bigints as strings (Dates become ISO via toJSON). */
const replacer = (_key: string, value: unknown): unknown => {
  if (typeof value === 'bigint') return value.toString();
  if (value && typeof value === 'object' && 'type' in value && value.type === 'Buffer' && 'data' in value) {
    return Buffer.from((value as { data: number[] }).data).toString('base64');
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
};

const ndjson = (rows: readonly unknown[]): string =>
  rows.map((r) => JSON.stringify(r, replacer)).join('\n') + (rows.length > 0 ? '\n' : '');

const asBytes = (value: unknown): Uint8Array | null => {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string' && value.startsWith('\\x')) return Buffer.from(value.slice(2), 'hex');
  return null;
};

/** The report PDFs, reassembled from their ordered chunks. */
function reportPdfs(tables: TenantExport['tables']): Record<string, Uint8Array> {
  const chunks = tables.report_chunks ?? [];
  const byReport = new Map<string, { seq: number; data: Uint8Array }[]>();
  for (const row of chunks) {
    const data = asBytes(row.data);
    if (!data) continue;
    const id = String(row.report_id);
    byReport.set(id, [...(byReport.get(id) ?? []), { seq: Number(row.seq), data }]);
  }
  const files: Record<string, Uint8Array> = {};
  for (const [id, parts] of byReport) {
    parts.sort((x, y) => x.seq - y.seq);
    files[`reports/${id}.pdf`] = Buffer.concat(parts.map((p) => p.data));
  }
  return files;
}

/**
 * The offboarding archive: `manifest.json` (tenant, time, row counts per table), `tenant.json`,
 * `users.ndjson`, one `tables/<table>.ndjson` per tenant table (every one, empty ones included, so
 * the manifest and the files match the catalog) and `reports/<id>.pdf`.
 */
export function buildTenantExport(data: TenantExport, exportedAt: Date): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const rowCounts: Record<string, number> = {};
  for (const [table, rows] of Object.entries(data.tables)) {
    files[`tables/${table}.ndjson`] = strToU8(ndjson(rows));
    rowCounts[table] = rows.length;
  }
  const pdfs = reportPdfs(data.tables);
  Object.assign(files, pdfs);
  files['users.ndjson'] = strToU8(ndjson(data.users));
  files['tenant.json'] = strToU8(JSON.stringify(data.tenant, replacer, 2));
  files['manifest.json'] = strToU8(
    JSON.stringify(
      {
        format: 'palisade-tenant-export/1',
        tenant: { id: data.tenant.id, slug: data.tenant.slug, name: data.tenant.name },
        exportedAt: exportedAt.toISOString(),
        tables: rowCounts,
        users: data.users.length,
        reportPdfs: Object.keys(pdfs).length,
      },
      null,
      2,
    ),
  );
  return zipSync(files, { level: 6 });
}
