'use client';

import { linkButton, primaryButton } from '@/components/form-styles';

/** "Save and continue" (and "Skip" for optional steps) at the bottom of a step. */
export function StepFooter({
  onContinue,
  onSkip,
  disabled,
  label = 'Save and continue',
}: {
  onContinue: () => void;
  onSkip?: () => void;
  disabled?: boolean;
  label?: string;
}) {
  return (
    <div className="mt-6 flex items-center gap-4 border-t border-slate-200 pt-4">
      <button type="button" className={primaryButton} disabled={disabled} onClick={onContinue}>
        {label}
      </button>
      {onSkip ? (
        <button type="button" className={linkButton} disabled={disabled} onClick={onSkip}>
          Skip for now
        </button>
      ) : null}
    </div>
  );
}
