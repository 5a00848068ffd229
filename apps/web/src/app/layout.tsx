import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Palisade', template: '%s · Palisade' },
  description: 'Security orchestration for managed security service providers',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next can only stamp the CSP nonce (set in
  // proxy.ts) on scripts of dynamically rendered pages.
  await connection();
  return (
    <html lang="en">
      <body className="antialiased">{children}</body>
    </html>
  );
}
