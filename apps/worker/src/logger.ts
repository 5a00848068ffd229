import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Keys whose values never reach a log line, at the top level and one or two levels down
 * (`req.headers.authorization`, `integration.apiKey`, ...). pino's redact has no recursive
 * wildcard, so the depth is explicit.
 */
const SECRET_KEYS = [
  'password',
  'passwordHash',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'api_key',
  'authorization',
  'cookie',
  'set-cookie',
  'connectionString',
  'databaseUrl',
];

const redactPaths: string[] = SECRET_KEYS.flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const dot = k.startsWith('[') ? k : `.${k}`;
  return [k, `*${dot}`, `*.*${dot}`];
});

export interface CreateLoggerOptions {
  level?: string;
  /** Where JSON lines go; stdout unless a test captures them. */
  destination?: DestinationStream;
}

/** The worker's root logger: JSON lines, secrets censored. Children add job fields. */
export function createLogger({ level = 'info', destination }: CreateLoggerOptions = {}): Logger {
  const options = {
    level,
    base: { app: 'worker' },
    redact: { paths: redactPaths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
