import { getDatabase } from '@palisade/db/client';
import { atRestKey } from '@/server/ingest/at-rest-key';
import { handleIngest } from '@/server/ingest/handle-ingest';
import { ingestError } from '@/server/ingest/ingest-error';
import { logger } from '@/server/logger';

export const dynamic = 'force-dynamic';

const log = logger.child({ component: 'ingest' });

/** Alert intake for machines; see /api/openapi/ingest-v1 and server/ingest/handle-ingest.ts. */
export async function POST(request: Request): Promise<Response> {
  try {
    const { db } = await getDatabase();
    return await handleIngest(request, { db, secretKey: atRestKey, log });
  } catch (err) {
    log.error({ err }, 'ingest failed');
    return ingestError(500, 'internal', 'the alerts were not stored; retry later');
  }
}
