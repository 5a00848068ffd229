/** A run event the engine refused (e.g. cancelling a finished run, re-running a step that did not fail). */
export class PlaybookRunRefusedError extends Error {
  readonly code = 'PLAYBOOK_RUN_REFUSED' as const;
}

/** Inputs a run cannot start with, or a source that does not validate where one must. */
export class PlaybookInvalidError extends Error {
  readonly code = 'PLAYBOOK_INVALID' as const;
}

export class PlaybookNotFoundError extends Error {
  readonly code = 'NOT_FOUND' as const;
}
