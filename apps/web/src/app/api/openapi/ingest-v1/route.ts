import { ingestOpenApi } from '@/server/ingest/ingest-openapi';

/** The ingest API's OpenAPI document (public: it describes the API, no tenant data). */
export function GET(): Response {
  return Response.json(ingestOpenApi, { headers: { 'cache-control': 'public, max-age=300' } });
}
