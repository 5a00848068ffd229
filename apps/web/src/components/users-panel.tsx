'use client';

import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { KeyReveal } from '@palisade/ui/key-reveal';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { control, dangerButton, fieldLabel, linkButton, primaryButton } from '@/components/form-styles';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';

type User = RouterOutputs['users']['list']['users'][number];

const ROLE_LABEL: Record<string, string> = {
  analyst: 'Analyst',
  client_admin: 'Client admin',
  client_viewer: 'Client viewer',
};

export interface UsersPanelProps {
  tenantId: string;
  /** The signed-in user: never offered to deactivate or demote itself. */
  selfId: string;
  /** Analysts see the list only. */
  canManage: boolean;
  /** MSSP admins manage analysts' accounts too; client admins only the client roles. */
  manageStaff: boolean;
}

/** A tenant's users and open invitations: invite, change role, reset password, deactivate. */
export function UsersPanel({ tenantId, selfId, canManage, manageStaff }: UsersPanelProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const data = useQuery(trpc.users.list.queryOptions({ tenantId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey({ tenantId }) });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'client_admin' | 'client_viewer'>('client_viewer');
  const [link, setLink] = useState<{ label: string; url: string; emailQueued: boolean } | null>(null);

  const invite = useMutation(trpc.users.invite.mutationOptions({ onSuccess: () => refresh() }));
  const setActive = useMutation(trpc.users.setActive.mutationOptions({ onSuccess: () => refresh() }));
  const setUserRole = useMutation(trpc.users.setRole.mutationOptions({ onSuccess: () => refresh() }));
  const reset = useMutation(trpc.users.resetPassword.mutationOptions());
  const revoke = useMutation(trpc.users.revokeInvitation.mutationOptions({ onSuccess: () => refresh() }));
  const error =
    invite.error ?? setActive.error ?? setUserRole.error ?? reset.error ?? revoke.error ?? data.error;
  const busy = invite.isPending || setActive.isPending || setUserRole.isPending || reset.isPending;

  const manageable = (u: User) => canManage && u.id !== selfId && (manageStaff || u.kind === 'client');
  const columns: Column<User>[] = [
    {
      key: 'who',
      header: 'User',
      cell: (u) => (
        <>
          <span className={u.active ? 'font-medium' : 'text-slate-400 line-through'}>{u.name}</span>
          <p className="text-xs text-slate-500">{u.email}</p>
        </>
      ),
    },
    {
      key: 'role',
      header: 'Role',
      cell: (u) =>
        u.kind === 'client' && manageable(u) ? (
          <select
            aria-label={`Role of ${u.email}`}
            value={u.role}
            disabled={busy}
            className={control}
            onChange={(e) =>
              setUserRole.mutate({
                tenantId,
                userId: u.id,
                role: e.target.value as 'client_admin' | 'client_viewer',
              })
            }
          >
            <option value="client_admin">Client admin</option>
            <option value="client_viewer">Client viewer</option>
          </select>
        ) : (
          (ROLE_LABEL[u.role] ?? u.role)
        ),
    },
    { key: 'status', header: 'Status', cell: (u) => (u.active ? 'active' : 'deactivated') },
    {
      key: 'actions',
      header: 'Actions',
      cell: (u) =>
        manageable(u) ? (
          <span className="flex flex-wrap gap-3">
            <button
              type="button"
              disabled={busy}
              className={linkButton}
              onClick={() =>
                reset.mutate(
                  { tenantId, userId: u.id },
                  { onSuccess: (r) => setLink({ label: `Password reset link for ${r.email}`, ...r }) },
                )
              }
            >
              Reset password
            </button>
            <button
              type="button"
              disabled={busy}
              className={u.active ? dangerButton : linkButton}
              onClick={() => {
                if (!u.active || window.confirm(`Deactivate ${u.email}? Their sessions end at once.`))
                  setActive.mutate({ tenantId, userId: u.id, active: !u.active });
              }}
            >
              {u.active ? 'Deactivate' : 'Reactivate'}
            </button>
          </span>
        ) : null,
    },
  ];

  return (
    <div className="space-y-4">
      {canManage ? (
        <form
          aria-label="Invite a user"
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            invite.mutate(
              { tenantId, email, role },
              {
                onSuccess: (r) => {
                  setEmail('');
                  setLink({
                    label: `Invitation link for ${r.email}`,
                    url: r.url,
                    emailQueued: r.emailQueued,
                  });
                },
              },
            );
          }}
        >
          <div className="flex flex-col gap-1">
            <label htmlFor={`invite-email-${tenantId}`} className={fieldLabel}>
              Email
            </label>
            <input
              id={`invite-email-${tenantId}`}
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              className={control}
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`invite-role-${tenantId}`} className={fieldLabel}>
              Role
            </label>
            <select
              id={`invite-role-${tenantId}`}
              value={role}
              onChange={(e) => setRole(e.target.value as 'client_admin' | 'client_viewer')}
              className={control}
            >
              <option value="client_viewer">Client viewer</option>
              <option value="client_admin">Client admin</option>
            </select>
          </div>
          <button type="submit" disabled={invite.isPending} className={primaryButton}>
            {invite.isPending ? 'Inviting…' : 'Invite'}
          </button>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      {link ? (
        <KeyReveal label={link.label} secret={link.url}>
          {link.emailQueued
            ? 'The link was also emailed. It works once.'
            : 'No email could be queued (no worker is running yet): hand this link over yourself. It works once.'}
        </KeyReveal>
      ) : null}
      <DataTable
        caption="Users"
        columns={columns}
        rows={data.data?.users ?? []}
        rowKey={(u) => u.id}
        empty={<EmptyState title={data.isLoading ? 'Loading…' : 'No users yet'} />}
      />
      {(data.data?.invitations ?? []).length > 0 ? (
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-700">Open invitations</h3>
          <ul className="space-y-1 text-sm">
            {(data.data?.invitations ?? []).map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-3">
                <span>{i.email}</span>
                <span className="text-xs text-slate-500">
                  {ROLE_LABEL[i.role ?? ''] ?? i.role} ·{' '}
                  {i.expiresAt < new Date() ? 'expired' : `expires ${formatTime(i.expiresAt)}`}
                </span>
                {canManage ? (
                  <button
                    type="button"
                    className={dangerButton}
                    onClick={() => revoke.mutate({ tenantId, invitationId: i.id })}
                  >
                    Withdraw
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
