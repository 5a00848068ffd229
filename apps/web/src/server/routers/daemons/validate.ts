import { validateDaemon } from '@palisade/worker/daemons/validate-daemon';
import { staffProcedure } from '@/server/trpc/procedures';
import { ValidateDaemonInput } from './daemons.schema';

/** Validation as the editor types: every error with its line and column; nothing is stored. */
export const validate = staffProcedure.input(ValidateDaemonInput).query(({ input }) => {
  const r = validateDaemon(input.yaml);
  return r.ok
    ? { ok: true as const, kind: r.daemon.definition.kind, errors: [] }
    : { ok: false as const, errors: r.errors };
});
