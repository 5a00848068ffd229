export interface PaginationProps {
  /** e.g. "Showing 1–50"; the caller knows how it counts. */
  status?: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  label?: string;
}

const button =
  'rounded-md border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40';

/** Previous / next for keyset pagination (no page numbers: the total is not known cheaply). */
export function Pagination({
  status,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  label = 'Pagination',
}: PaginationProps) {
  return (
    <nav aria-label={label} className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <span>{status}</span>
      <span className="flex gap-2">
        <button type="button" className={button} disabled={!hasPrevious} onClick={onPrevious}>
          Previous
        </button>
        <button type="button" className={button} disabled={!hasNext} onClick={onNext}>
          Next
        </button>
      </span>
    </nav>
  );
}
