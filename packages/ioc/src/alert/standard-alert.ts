import { z } from 'zod';
import { MapperName } from './mapper-name';
import { SeverityLevel } from './severity';

export const HashType = z.enum(['md5', 'sha1', 'sha256', 'sha512']);
export type HashType = z.infer<typeof HashType>;

/**
 * One shape for every source (names after ECS/OCSF). Lists are de-duplicated and hold
 * normalized values (IPs canonical, hashes lower case); `raw` keeps the source payload as received.
 */
export const StandardAlert = z.object({
  title: z.string(),
  description: z.string().nullable(),
  severity: z.object({
    level: SeverityLevel,
    /** The source's own value (`"High"`, `12`, `"3"`), null when it gave none. */
    raw: z.union([z.string(), z.number()]).nullable(),
  }),
  /** ISO 8601 time of the detection as the source states it, null when absent or unparseable. */
  eventTime: z.string().nullable(),
  source: z.object({
    vendor: z.string().nullable(),
    product: z.string().nullable(),
    mapper: MapperName,
  }),
  /** The source's id for this alert: dedup key and the handle for closing it at the source. */
  sourceAlertId: z.string().nullable(),
  rule: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  hosts: z.array(z.string()),
  users: z.array(z.string()),
  sourceIps: z.array(z.string()),
  destinationIps: z.array(z.string()),
  sourcePorts: z.array(z.int().min(0).max(65535)),
  destinationPorts: z.array(z.int().min(0).max(65535)),
  urls: z.array(z.string()),
  fileNames: z.array(z.string()),
  fileHashes: z.array(z.object({ type: HashType, value: z.string() })),
  processCommandLines: z.array(z.string()),
  mitreTechniques: z.array(
    z.object({ id: z.string(), name: z.string().nullable(), tactics: z.array(z.string()) }),
  ),
  /** Values that may name the client company (tenant id, index, org name), with the field they came from. */
  clientHints: z.array(z.object({ field: z.string(), value: z.string() })),
  raw: z.unknown(),
});
export type StandardAlert = z.infer<typeof StandardAlert>;
