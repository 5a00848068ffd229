export type NormalizeAlertErrorCode =
  | 'ALERT_EMPTY'
  | 'ALERT_BINARY'
  | 'ALERT_INVALID_JSON'
  | 'ALERT_TOO_LARGE'
  | 'ALERT_MAPPING_INVALID'
  | 'ALERT_MAPPING_FAILED';

/** Input that cannot be normalized at all; everything short of that is a result with warnings. */
export class NormalizeAlertError extends Error {
  readonly code: NormalizeAlertErrorCode;

  constructor(code: NormalizeAlertErrorCode, message: string) {
    super(message);
    this.name = 'NormalizeAlertError';
    this.code = code;
  }
}
