import mysql from 'mysql2/promise';
import postgres from 'postgres';
import { z } from 'zod';
import { type AlertItem, definePollingConnector } from '../../connector';

const Identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'a plain column or table name (letters, digits, underscore)');

export const SqlPollConfig = z
  .object({
    driver: z.enum(['postgres', 'mariadb']),
    host: z.string().min(1),
    port: z.int().min(1).max(65_535).optional(),
    database: z.string().min(1),
    user: z.string().min(1),
    /** Schema-qualified tables are written `schema.table`. */
    table: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$/, 'table or schema.table'),
    /** Ever-growing column new rows are found by (auto-increment id, insert timestamp). */
    cursorColumn: Identifier,
    cursorType: z.enum(['number', 'timestamp']).default('number'),
    /** Unique row key: the alert's source id and the tie-break between rows with the same cursor value. */
    idColumn: Identifier,
    /** Columns to read; all when omitted. */
    columns: z.array(Identifier).min(1).optional(),
    /** Rows per query (and per committed batch); a run reads pages until maxItemsPerRun. */
    pageSize: z.int().min(1).max(5000).default(500),
    timeoutMs: z.int().min(100).max(120_000).default(15_000),
  })
  .strict();
export type SqlPollConfig = z.infer<typeof SqlPollConfig>;

/** The last row read: keyset position (cursor column value, id) so equal cursor values never skip a row. */
export const SqlPollCursor = z.object({
  value: z.union([z.string(), z.number()]),
  id: z.union([z.string(), z.number()]),
});
export type SqlPollCursor = z.infer<typeof SqlPollCursor>;

type Row = Record<string, unknown>;

/**
 * New rows of a table in an external PostgreSQL (postgres.js) or MariaDB/MySQL (mysql2), read in
 * keyset order `(cursorColumn, idColumn) > cursor`, `maxItems` at a time. Identifiers are checked by
 * the schema and quoted; values are bound parameters. The password comes from the `password` secret.
 */
export const sqlPollConnector = definePollingConnector({
  kind: 'sql-poll',
  title: 'SQL table polling (PostgreSQL, MariaDB)',
  mode: 'poll',
  output: 'alerts',
  configSchema: SqlPollConfig,
  cursorSchema: SqlPollCursor,
  async run(ctx) {
    const c = ctx.config;
    const password = ctx.secrets.password?.secret ?? undefined;
    const limit = Math.min(c.pageSize, ctx.rules.maxItems);
    const rows =
      c.driver === 'postgres'
        ? await readPostgres(c, password, ctx.cursor, ctx.rules.lookBackFrom, limit)
        : await readMariadb(c, password, ctx.cursor, ctx.rules.lookBackFrom, limit);
    const items: AlertItem[] = rows.map((row) => ({
      sourceId: String(row[c.idColumn]),
      event: jsonSafe(row),
    }));
    const last = rows.at(-1);
    const cursor = last ? { value: scalar(last[c.cursorColumn]), id: scalar(last[c.idColumn]) } : ctx.cursor;
    return { items, cursor, hasMore: rows.length === limit };
  },
});

function scalar(v: unknown): string | number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Dates → ISO text, bigints → text, buffers → base64: the event is stored as JSON. */
function jsonSafe(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] =
      v instanceof Date
        ? v.toISOString()
        : typeof v === 'bigint'
          ? v.toString()
          : Buffer.isBuffer(v)
            ? v.toString('base64')
            : v;
  }
  return out;
}

function startValue(c: SqlPollConfig, lookBackFrom: Date): unknown {
  return c.cursorType === 'timestamp' ? lookBackFrom : null;
}

async function readPostgres(
  c: SqlPollConfig,
  password: string | undefined,
  cursor: SqlPollCursor | null,
  lookBackFrom: Date,
  limit: number,
): Promise<Row[]> {
  const sql = postgres({
    host: c.host,
    port: c.port ?? 5432,
    database: c.database,
    username: c.user,
    password,
    max: 1,
    connect_timeout: Math.ceil(c.timeoutMs / 1000),
    idle_timeout: 1,
    onnotice: () => {},
  });
  try {
    const table = sql(c.table.split('.'));
    const cols = c.columns ? sql([...new Set([...c.columns, c.cursorColumn, c.idColumn])]) : sql.unsafe('*');
    const cur = sql(c.cursorColumn);
    const id = sql(c.idColumn);
    const cast = c.cursorType === 'timestamp' ? sql.unsafe('::timestamptz') : sql.unsafe('');
    const where = cursor
      ? sql`where (${cur}, ${id}) > (${String(cursor.value)}${cast}, ${String(cursor.id)})`
      : c.cursorType === 'timestamp'
        ? sql`where ${cur} >= ${startValue(c, lookBackFrom) as Date}`
        : sql``;
    return (await sql`select ${cols} from ${table} ${where} order by ${cur}, ${id} limit ${limit}`) as unknown as Row[];
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function readMariadb(
  c: SqlPollConfig,
  password: string | undefined,
  cursor: SqlPollCursor | null,
  lookBackFrom: Date,
  limit: number,
): Promise<Row[]> {
  const conn = await mysql.createConnection({
    host: c.host,
    port: c.port ?? 3306,
    database: c.database,
    user: c.user,
    password,
    connectTimeout: c.timeoutMs,
    dateStrings: false,
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  try {
    const q = (name: string) =>
      name
        .split('.')
        .map((p) => mysql.escapeId(p))
        .join('.');
    const cols = c.columns ? [...new Set([...c.columns, c.cursorColumn, c.idColumn])].map(q).join(', ') : '*';
    const cur = q(c.cursorColumn);
    const id = q(c.idColumn);
    let where = '';
    const params: unknown[] = [];
    if (cursor) {
      // Row comparison spelled out: MariaDB does not use an index for (a, b) > (x, y).
      where = `where ${cur} > ? or (${cur} = ? and ${id} > ?)`;
      const v = c.cursorType === 'timestamp' ? new Date(String(cursor.value)) : cursor.value;
      params.push(v, v, cursor.id);
    } else if (c.cursorType === 'timestamp') {
      where = `where ${cur} >= ?`;
      params.push(lookBackFrom);
    }
    const [rows] = await conn.query({
      sql: `select ${cols} from ${q(c.table)} ${where} order by ${cur}, ${id} limit ${Number(limit)}`,
      values: params,
    });
    return rows as Row[];
  } finally {
    await conn.end();
  }
}
