'use client';

import { ONBOARDING_STEPS, type OnboardingStepId } from '@palisade/db/queries/onboarding/onboarding-steps';
import { Badge } from '@palisade/ui/badge';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import { primaryButton } from '@/components/form-styles';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';
import type { Company } from '../../company-form';
import { StepBranding } from './step-branding';
import { StepCompany } from './step-company';
import { StepContacts } from './step-contacts';
import { StepDaemons } from './step-daemons';
import { StepDataSources } from './step-data-sources';
import { StepLists } from './step-lists';
import { StepPlaybooks } from './step-playbooks';
import type { StepProps } from './step-props';
import { StepSla } from './step-sla';
import { StepUsers } from './step-users';

type Checklist = RouterOutputs['onboarding']['checklist'];
type View = OnboardingStepId | 'review';

export interface OnboardingWizardProps {
  tenantId: string;
  company: Company;
  selfId: string;
  initial: Checklist;
}

/** First step neither saved nor done: where a resumed wizard opens. */
const resumeAt = (list: Checklist): View => list.items.find((i) => !i.savedAt && !i.done)?.id ?? 'review';

/**
 * The onboarding wizard: steps on the left with their live state (done / missing / skipped), the
 * current step on the right. Each step saves through its own area's procedures, then records itself
 * (`onboarding.saveStep`) so the wizard resumes where it was left; the review step goes live.
 */
export function OnboardingWizard({ tenantId, company, selfId, initial }: OnboardingWizardProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const params = useSearchParams();
  const checklist = useQuery({
    ...trpc.onboarding.checklist.queryOptions({ tenantId }),
    initialData: initial,
  });
  const list = checklist.data;
  const requested = params.get('step') as View | null;
  const view: View =
    requested && (requested === 'review' || ONBOARDING_STEPS.some((s) => s.id === requested))
      ? requested
      : resumeAt(list);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.onboarding.checklist.queryKey({ tenantId }) });
  const go = (next: View) => router.push(`/console/tenants/${tenantId}/onboarding?step=${next}`);
  const saveStep = useMutation(trpc.onboarding.saveStep.mutationOptions({ onSuccess: () => refresh() }));
  const complete = useMutation(trpc.onboarding.complete.mutationOptions({ onSuccess: () => refresh() }));

  const props = (step: OnboardingStepId): StepProps => ({
    tenantId,
    step,
    saving: saveStep.isPending,
    onDone: (options) => {
      saveStep.mutate(
        { tenantId, step, skipped: options?.skipped ?? false },
        {
          onSuccess: () => {
            const index = ONBOARDING_STEPS.findIndex((s) => s.id === step);
            go(ONBOARDING_STEPS[index + 1]?.id ?? 'review');
          },
        },
      );
    },
  });
  const item = (id: OnboardingStepId) => list.items.find((i) => i.id === id);
  const current = view === 'review' ? null : ONBOARDING_STEPS.find((s) => s.id === view);

  return (
    <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
      <nav aria-label="Onboarding steps">
        <ol className="space-y-1 text-sm">
          {[...ONBOARDING_STEPS, { id: 'review' as const, label: 'Review and go live', required: false }].map(
            (s, i) => {
              const state = s.id === 'review' ? undefined : item(s.id);
              return (
                <li key={s.id}>
                  <button
                    type="button"
                    aria-current={view === s.id ? 'step' : undefined}
                    onClick={() => go(s.id)}
                    className={`flex w-full items-center justify-between rounded px-2 py-1 text-left ${
                      view === s.id ? 'bg-sky-100 font-medium' : 'hover:bg-slate-100'
                    }`}
                  >
                    <span>
                      {i + 1}. {s.label}
                    </span>
                    {state ? (
                      <Badge
                        tone={
                          state.done
                            ? 'success'
                            : state.skipped
                              ? 'neutral'
                              : state.required
                                ? 'warning'
                                : 'neutral'
                        }
                      >
                        {state.done
                          ? 'done'
                          : state.skipped
                            ? 'skipped'
                            : state.required
                              ? 'missing'
                              : 'optional'}
                      </Badge>
                    ) : null}
                  </button>
                </li>
              );
            },
          )}
        </ol>
      </nav>
      <section
        aria-label={current?.label ?? 'Review and go live'}
        className="rounded-lg border border-slate-200 bg-white p-5"
      >
        <h2 className="mb-4 text-lg font-semibold">{current?.label ?? 'Review and go live'}</h2>
        {saveStep.error ? (
          <p role="alert" className="mb-3 text-sm text-red-700">
            {saveStep.error.message}
          </p>
        ) : null}
        {view === 'company' ? <StepCompany {...props('company')} company={company} /> : null}
        {view === 'sla' ? <StepSla {...props('sla')} /> : null}
        {view === 'contacts' ? <StepContacts {...props('contacts')} /> : null}
        {view === 'branding' ? <StepBranding {...props('branding')} /> : null}
        {view === 'lists' ? <StepLists {...props('lists')} /> : null}
        {view === 'data_sources' ? <StepDataSources {...props('data_sources')} /> : null}
        {view === 'daemons' ? <StepDaemons {...props('daemons')} /> : null}
        {view === 'playbooks' ? <StepPlaybooks {...props('playbooks')} /> : null}
        {view === 'users' ? <StepUsers {...props('users')} selfId={selfId} /> : null}
        {view === 'review' ? (
          <div className="space-y-4">
            <table className="w-full text-sm">
              <caption className="sr-only">Onboarding checklist</caption>
              <tbody>
                {list.items.map((i) => (
                  <tr key={i.id} className="border-t border-slate-100">
                    <td className="py-1.5">
                      <Badge tone={i.done ? 'success' : i.required ? 'danger' : 'neutral'}>
                        {i.done ? 'done' : i.required ? 'missing' : 'optional'}
                      </Badge>
                    </td>
                    <td className="font-medium">{i.label}</td>
                    <td className="text-slate-600">{i.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {list.completedAt ? (
              <p role="status" className="text-sm text-emerald-700">
                Live since {formatTime(new Date(list.completedAt))}.
              </p>
            ) : (
              <button
                type="button"
                className={primaryButton}
                disabled={!list.readyToGoLive || complete.isPending}
                onClick={() => complete.mutate({ tenantId })}
              >
                Go live
              </button>
            )}
            {!list.readyToGoLive ? (
              <p className="text-sm text-amber-800">
                Missing before going live: {list.missing.map((m) => item(m)?.label ?? m).join(', ')}.
              </p>
            ) : null}
            {complete.error ? (
              <p role="alert" className="text-sm text-red-700">
                {complete.error.message}
              </p>
            ) : null}
          </div>
        ) : null}
      </section>
    </div>
  );
}
