'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { control, dangerButton, fieldLabel, primaryButton } from '@/components/form-styles';
import { useTRPC } from '@/trpc/react';
import { StepFooter } from './step-footer';
import type { StepProps } from './step-props';

type Kind = 'primary' | 'escalation' | 'report_recipient';
const KIND_LABEL: Record<Kind, string> = {
  primary: 'Primary (tier 1 notices)',
  escalation: 'Escalation',
  report_recipient: 'Report recipient',
};

/** The client's contacts (NOTIFY's `contacts.*`): one primary, escalation steps, report recipients. */
export function StepContacts({ tenantId, onDone, saving }: StepProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const contacts = useQuery(trpc.contacts.list.queryOptions({ tenantId }));
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.contacts.list.queryKey({ tenantId }) });
  const save = useMutation(trpc.contacts.save.mutationOptions({ onSuccess: () => refresh() }));
  const remove = useMutation(trpc.contacts.remove.mutationOptions({ onSuccess: () => refresh() }));
  const [kind, setKind] = useState<Kind>('primary');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const rows = contacts.data?.contacts ?? [];
  const hasPrimary = rows.some((c) => c.kind === 'primary');

  return (
    <div className="space-y-4">
      <ul className="space-y-1 text-sm">
        {rows.length === 0 ? <li className="text-slate-500">No contacts yet.</li> : null}
        {rows.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center gap-3">
            <span className="w-40 text-xs text-slate-500">{KIND_LABEL[c.kind]}</span>
            <span>
              {c.name} &lt;{c.email}&gt;
            </span>
            <button
              type="button"
              className={dangerButton}
              onClick={() => remove.mutate({ tenantId, contactId: c.id })}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        aria-label="Add a contact"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { tenantId, contact: { kind, name, email, phone: phone.trim() || null } },
            {
              onSuccess: () => {
                setName('');
                setEmail('');
                setPhone('');
                if (kind === 'primary') setKind('escalation');
              },
            },
          );
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="contact-kind" className={fieldLabel}>
            Kind
          </label>
          <select
            id="contact-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as Kind)}
            className={control}
          >
            {(Object.keys(KIND_LABEL) as Kind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="contact-name" className={fieldLabel}>
            Name
          </label>
          <input
            id="contact-name"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={control}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="contact-email" className={fieldLabel}>
            Email
          </label>
          <input
            id="contact-email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={control}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="contact-phone" className={fieldLabel}>
            Phone
          </label>
          <input
            id="contact-phone"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            className={control}
          />
        </div>
        <button type="submit" disabled={save.isPending} className={primaryButton}>
          Add contact
        </button>
      </form>
      {(save.error ?? remove.error) ? (
        <p role="alert" className="text-sm text-red-700">
          {(save.error ?? remove.error)?.message}
        </p>
      ) : null}
      {!hasPrimary ? (
        <p className="text-sm text-amber-800">A primary contact is required before going live.</p>
      ) : null}
      <StepFooter disabled={saving} onContinue={() => onDone()} />
    </div>
  );
}
