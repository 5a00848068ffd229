import { openSecret, sealSecret } from '../../crypto/secret-box';

/** Binds a sealed HMAC secret to its row: a box copied to another data source does not open. */
const context = (tenantId: string, dataSourceId: string) => `data_sources:${tenantId}:${dataSourceId}:hmac`;

export function sealHmacSecret(key: Buffer, tenantId: string, dataSourceId: string, secret: string): string {
  return sealSecret(key, secret, context(tenantId, dataSourceId));
}

export function openHmacSecret(key: Buffer, tenantId: string, dataSourceId: string, box: string): string {
  return openSecret(key, box, context(tenantId, dataSourceId));
}
