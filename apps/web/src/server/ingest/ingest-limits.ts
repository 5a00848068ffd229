/** Largest request body accepted (bytes). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Most alerts in one request (also what one process-alerts job carries). */
export const MAX_BATCH_ITEMS = 1000;
/** Largest single alert (bytes of its JSON text). */
export const MAX_ITEM_BYTES = 512 * 1024;
/** How far a signed request's timestamp may be from the server clock (seconds). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
