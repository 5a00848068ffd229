'use client';

import { Badge } from '@palisade/ui/badge';
import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { SectionCard } from '@palisade/ui/section-card';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';
import { type ContactDraft, ContactForm } from './contact-form';
import { Tier1RuleForm } from './tier1-rule-form';

type Listed = RouterOutputs['contacts']['list'];
type TenantContact = Listed['contacts'][number];
type MsspContact = Listed['msspContacts'][number];

const TENANT_KINDS = [
  { id: 'primary', label: 'Primary (tier 1 notices)' },
  { id: 'escalation', label: 'Escalation' },
  { id: 'report_recipient', label: 'Report recipient' },
] as const;
const MSSP_KINDS = [{ id: 'soc_management', label: 'SOC management' }] as const;
type TenantKind = (typeof TENANT_KINDS)[number]['id'];
type MsspKind = (typeof MSSP_KINDS)[number]['id'];

const KIND_LABEL: Record<string, string> = {
  primary: 'primary',
  escalation: 'escalation',
  report_recipient: 'reports',
  soc_management: 'SOC management',
};

const draftOf = <K extends string>(c: {
  id: string;
  kind: K;
  name: string;
  email: string;
  phone: string | null;
  position: number;
  notes: string;
}): ContactDraft<K> => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  email: c.email,
  phone: c.phone,
  position: c.position,
  notes: c.notes,
});

export function ContactsPanel({ canEditMssp }: { canEditMssp: boolean }) {
  const tenantId = useSearchParams().get('tenant');
  if (!tenantId) {
    return (
      <EmptyState title="Choose a tenant">
        Contacts are per tenant: pick one in the tenant filter above.
      </EmptyState>
    );
  }
  return <TenantContacts tenantId={tenantId} canEditMssp={canEditMssp} />;
}

function TenantContacts({ tenantId, canEditMssp }: { tenantId: string; canEditMssp: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listed = useQuery(trpc.contacts.list.queryOptions({ tenantId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.contacts.list.queryKey() });
  const [editing, setEditing] = useState<ContactDraft<TenantKind> | null>(null);
  const [editingMssp, setEditingMssp] = useState<ContactDraft<MsspKind> | null>(null);
  // Bumped after each save: remounts the form, so a new contact's fields are cleared too.
  const [saves, setSaves] = useState(0);
  const save = useMutation(
    trpc.contacts.save.mutationOptions({
      onSuccess: () => {
        setEditing(null);
        setSaves((n) => n + 1);
        return refresh();
      },
    }),
  );
  const remove = useMutation(trpc.contacts.remove.mutationOptions({ onSuccess: () => refresh() }));
  const saveMssp = useMutation(
    trpc.contacts.saveMssp.mutationOptions({
      onSuccess: () => {
        setEditingMssp(null);
        setSaves((n) => n + 1);
        return refresh();
      },
    }),
  );
  const removeMssp = useMutation(trpc.contacts.removeMssp.mutationOptions({ onSuccess: () => refresh() }));

  const contactColumns = <C extends TenantContact | MsspContact>(
    onEdit: (c: C) => void,
    onRemove: (c: C) => void,
    canEdit: boolean,
  ): Column<C>[] => [
    {
      key: 'kind',
      header: 'Kind',
      cell: (c) => <Badge tone={c.kind === 'primary' ? 'info' : 'neutral'}>{KIND_LABEL[c.kind]}</Badge>,
    },
    { key: 'order', header: 'Order', cell: (c) => c.position },
    { key: 'name', header: 'Name', cell: (c) => c.name },
    { key: 'email', header: 'Email', cell: (c) => <code className="text-xs">{c.email}</code> },
    { key: 'phone', header: 'Phone', cell: (c) => c.phone ?? '' },
    { key: 'notes', header: 'Notes', cell: (c) => <span className="text-xs">{c.notes}</span> },
    {
      key: 'actions',
      header: 'Actions',
      cell: (c) =>
        canEdit ? (
          <span className="flex gap-3">
            <button type="button" onClick={() => onEdit(c)} className="text-sky-800 hover:underline">
              Edit
            </button>
            <button
              type="button"
              aria-label={`Delete ${c.name}`}
              onClick={() => onRemove(c)}
              className="text-red-700 hover:underline"
            >
              Delete
            </button>
          </span>
        ) : null,
    },
  ];

  if (listed.error) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {listed.error.message}
      </p>
    );
  }
  if (!listed.data) return <p className="text-sm text-slate-500">Loading…</p>;
  const { contacts, tier1Rule, msspContacts } = listed.data;
  const removeError = remove.error?.message ?? removeMssp.error?.message;

  return (
    <div className="space-y-6">
      <SectionCard title="Tenant contacts">
        <div className="space-y-3">
          <ContactForm
            key={`tenant-${saves}`}
            label={editing?.id ? 'Edit contact' : 'Add contact'}
            kinds={TENANT_KINDS}
            editing={editing}
            pending={save.isPending}
            error={save.error?.message ?? null}
            onSubmit={(contact) => save.mutate({ tenantId, contact })}
            onCancel={() => setEditing(null)}
          />
          {removeError ? (
            <p role="alert" className="text-sm text-red-700">
              {removeError}
            </p>
          ) : null}
          <DataTable
            caption="Tenant contacts"
            columns={contactColumns<TenantContact>(
              (c) => setEditing(draftOf(c)),
              (c) => remove.mutate({ tenantId, contactId: c.id }),
              true,
            )}
            rows={contacts}
            rowKey={(c) => c.id}
            empty={
              <EmptyState title="No contacts">
                Without a primary contact no tier 1 notice can be sent; escalation contacts are called in
                order.
              </EmptyState>
            }
          />
        </div>
      </SectionCard>
      <SectionCard title="Tier 1 notification rule">
        <Tier1RuleForm tenantId={tenantId} rule={tier1Rule} onSaved={refresh} />
      </SectionCard>
      <SectionCard title="SOC management (MSSP-wide)">
        <div className="space-y-3">
          {canEditMssp ? (
            <ContactForm
              key={`mssp-${saves}`}
              label={editingMssp?.id ? 'Edit MSSP contact' : 'Add MSSP contact'}
              kinds={MSSP_KINDS}
              editing={editingMssp}
              pending={saveMssp.isPending}
              error={saveMssp.error?.message ?? null}
              onSubmit={(contact) => saveMssp.mutate({ tenantId, contact })}
              onCancel={() => setEditingMssp(null)}
            />
          ) : (
            <p className="text-sm text-slate-600">Only MSSP admins change these contacts.</p>
          )}
          <DataTable
            caption="SOC management contacts"
            columns={contactColumns<MsspContact>(
              (c) => setEditingMssp(draftOf(c)),
              (c) => removeMssp.mutate({ tenantId, contactId: c.id }),
              canEditMssp,
            )}
            rows={msspContacts}
            rowKey={(c) => c.id}
            empty={
              <EmptyState title="No SOC management contacts">
                Breach and unassigned-incident alerts need one.
              </EmptyState>
            }
          />
        </div>
      </SectionCard>
    </div>
  );
}
