import { loadWorkerEnv, type WorkerEnv } from '../env';

const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

/** The web app's public base URL for links in emails, without a trailing slash. */
export function publicUrl(env: WorkerEnv = loadWorkerEnv()): string {
  return (env.PALISADE_PUBLIC_URL ?? env.NEXTAUTH_URL ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '');
}

/** Where a client user opens the incident in the portal. */
export const portalIncidentUrl = (base: string, incidentId: string) =>
  `${base}/portal/incidents/${incidentId}`;
