import Link from 'next/link';

/** Rendered with status 403 by `forbidden()` and by proxy.ts's rewrite to /forbidden. */
export default function Forbidden() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-slate-500">403</p>
        <h1 className="mt-2 text-2xl font-semibold">You don’t have access to this page</h1>
        <p className="mt-2 text-sm text-slate-600">
          The operator console is for MSSP staff and the client portal is for client users. Your account
          belongs to the other one.
        </p>
        <div className="mt-6 flex justify-center gap-4 text-sm">
          <Link className="font-medium text-sky-700 hover:underline" href="/">
            Go to your home page
          </Link>
          <Link className="font-medium text-slate-600 hover:underline" href="/sign-out">
            Sign out
          </Link>
        </div>
      </div>
    </main>
  );
}
