import type { Logger } from 'pino';
import { createLogger } from '../src/logger';

export interface CapturedLogs {
  logger: Logger;
  /** Parsed JSON lines written so far. */
  lines(): Record<string, unknown>[];
}

/** The worker's real logger (same redaction), writing to memory instead of stdout. */
export function captureLogs(): CapturedLogs {
  const raw: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => raw.push(line) } });
  return { logger, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
