import type { OsintProvider } from './osint-provider';
import { abuseipdb } from './providers/abuseipdb';
import { greynoise } from './providers/greynoise';
import { misp } from './providers/misp';
import { otx } from './providers/otx';
import { urlscan } from './providers/urlscan';
import { virustotal } from './providers/virustotal';

/** The internet providers, in display order. The local intel provider is built per tenant. */
export const internetProviders: readonly OsintProvider[] = [
  virustotal,
  abuseipdb,
  greynoise,
  otx,
  urlscan,
  misp,
];

export const INTERNET_PROVIDER_IDS = internetProviders.map((p) => p.id);

export const providerById = (id: string): OsintProvider | undefined =>
  internetProviders.find((p) => p.id === id);
