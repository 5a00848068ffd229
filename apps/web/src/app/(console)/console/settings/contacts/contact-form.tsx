'use client';

import { type FormEvent, useEffect, useState } from 'react';

export type ContactDraft<Kind extends string> = {
  id?: string;
  kind: Kind;
  name: string;
  email: string;
  phone: string | null;
  position: number;
  notes: string;
};

/** Add or edit one contact; the kinds offered are the caller's (tenant kinds or MSSP kinds). */
export function ContactForm<Kind extends string>({
  label,
  kinds,
  editing,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  label: string;
  kinds: readonly { id: Kind; label: string }[];
  /** The contact being edited; null adds a new one. */
  editing: ContactDraft<Kind> | null;
  pending: boolean;
  error: string | null;
  onSubmit: (draft: ContactDraft<Kind>) => void;
  onCancel: () => void;
}) {
  const blank = (): ContactDraft<Kind> => ({
    kind: kinds[0]?.id as Kind,
    name: '',
    email: '',
    phone: null,
    position: 0,
    notes: '',
  });
  const [form, setForm] = useState<ContactDraft<Kind>>(editing ?? blank());
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another contact is picked
  useEffect(() => setForm(editing ?? blank()), [editing]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ ...form, phone: form.phone?.trim() ? form.phone.trim() : null });
  };
  const input = 'block rounded border border-slate-300 px-2 py-1 text-sm';
  return (
    <form
      onSubmit={submit}
      aria-label={label}
      className="flex flex-wrap items-end gap-2 rounded border border-slate-200 p-3"
    >
      <label className="text-xs text-slate-600">
        Kind
        <select
          className={input}
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as Kind })}
        >
          {kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600">
        Name
        <input
          required
          className={`${input} w-44`}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
      </label>
      <label className="text-xs text-slate-600">
        Email
        <input
          required
          type="email"
          className={`${input} w-56`}
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
      </label>
      <label className="text-xs text-slate-600">
        Phone
        <input
          className={`${input} w-36`}
          value={form.phone ?? ''}
          onChange={(e) => setForm({ ...form, phone: e.target.value })}
        />
      </label>
      <label className="text-xs text-slate-600">
        Order
        <input
          type="number"
          min={0}
          max={1000}
          className={`${input} w-20`}
          value={form.position}
          onChange={(e) => setForm({ ...form, position: Number(e.target.value) })}
        />
      </label>
      <label className="text-xs text-slate-600">
        Notes
        <input
          className={`${input} w-56`}
          value={form.notes}
          onChange={(e) => setForm({ ...form, notes: e.target.value })}
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-sky-700 px-3 py-1 text-sm text-white disabled:opacity-40"
      >
        {pending ? 'Saving…' : form.id ? 'Save changes' : 'Add contact'}
      </button>
      {form.id ? (
        <button type="button" onClick={onCancel} className="text-sm text-slate-600 hover:underline">
          Cancel
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
