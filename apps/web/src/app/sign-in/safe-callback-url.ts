/** Only same-site paths: an absolute or protocol-relative callbackUrl would be an open redirect. */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const url = Array.isArray(value) ? value[0] : value;
  return url?.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : '/';
}
