import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Portal suspended' };

/** Where a suspended tenant's client users land: their portal is locked until the MSSP reactivates it. */
export default function SuspendedPage() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <div className="w-full max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold">Your portal is suspended</h1>
        <p className="mt-3 text-sm text-slate-600">
          Your organisation&apos;s access to the security portal has been suspended by your security provider.
          Incidents, reports and settings are kept, but cannot be viewed until access is restored. Contact
          your account manager at your security provider.
        </p>
        <Link href="/sign-out" className="mt-6 inline-block text-sm text-sky-800 hover:underline">
          Sign out
        </Link>
      </div>
    </main>
  );
}
