import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { UsersPanel } from '@/components/users-panel';
import { requireMe } from '@/server/auth/current-actor';

export const metadata: Metadata = { title: 'Users' };

/** Client admins manage their own organisation's portal users; viewers are told who can. */
export default async function PortalUsersPage() {
  const me = await requireMe('client');
  return (
    <>
      <PageHeader title="Users" description="Who in your organisation can open this portal." />
      {me.role === 'client_admin' && me.tenant ? (
        <UsersPanel tenantId={me.tenant.id} selfId={me.userId} canManage manageStaff={false} />
      ) : (
        <EmptyState title="Only your organisation's portal administrators manage users">
          Ask one of them to invite a colleague or reset a password.
        </EmptyState>
      )}
    </>
  );
}
