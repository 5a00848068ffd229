import type { NextConfig } from 'next';

/**
 * Static security headers for every response, static assets included. The
 * Content-Security-Policy (per-request nonce) and HSTS (only when NEXTAUTH_URL is
 * https) depend on the request or the runtime env, so src/proxy.ts sets those.
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Workspace packages ship TypeScript sources.
  transpilePackages: [
    '@palisade/db',
    '@palisade/ui',
    '@palisade/worker',
    '@palisade/ioc',
    '@palisade/playbook',
  ],
  // Native addons, WASM loaders and worker-thread transports must be required at runtime, not bundled.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pg-boss',
    '@node-rs/argon2',
    'pino',
    'thread-stream',
    'postgres',
    'prom-client',
    '@react-pdf/renderer',
    'sharp',
  ],
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
