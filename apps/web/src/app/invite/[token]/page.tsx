import { describeInvitation } from '@palisade/db/queries/users/accept-invitation';
import { findInvitation } from '@palisade/db/queries/users/find-invitation';
import { MIN_PASSWORD_LENGTH } from '@palisade/db/queries/users/password-rules';
import { withTenant } from '@palisade/db/with-tenant';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AcceptForm } from './accept-form';

export const metadata: Metadata = { title: 'Set your password' };

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="mb-4 text-xl font-semibold">{title}</h1>
        {children}
      </div>
    </main>
  );
}

/** `/invite/:token`: an invitation (new client user) or a password reset, by the link's purpose. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findInvitation(token);
  if (!found || found.expired) {
    return (
      <Card title={found ? 'This link has expired' : 'This link is not valid'}>
        <p className="text-sm text-slate-600">
          {found
            ? 'Links work for a limited time. Ask your administrator to send a new one.'
            : 'It has been used already or was withdrawn. Ask your administrator for a new one.'}
        </p>
        <Link href="/sign-in" className="mt-4 inline-block text-sm text-sky-800 hover:underline">
          Go to sign-in
        </Link>
      </Card>
    );
  }
  const link = await withTenant(found.tenantId, (tx) => describeInvitation(tx, found.id));
  if (!link) return <Card title="This link is not valid">{null}</Card>;
  const invite = link.purpose === 'invite';
  return (
    <Card title={invite ? `Join ${link.tenantName}` : 'Choose a new password'}>
      <p className="mb-4 text-sm text-slate-600">
        {invite
          ? `You are invited to the ${link.tenantName} security portal as ${link.role === 'client_admin' ? 'administrator' : 'viewer'}. `
          : ''}
        Account: <strong>{link.email}</strong>
      </p>
      <AcceptForm token={token} askName={invite} minLength={MIN_PASSWORD_LENGTH} />
    </Card>
  );
}
