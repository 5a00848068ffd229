import { z } from 'zod';

const Yaml = z.string().min(1).max(100_000);
const DaemonRef = { daemonId: z.uuid() };

export const ListDaemonsInput = z.object({ tenantId: z.uuid().optional() });
export const GetDaemonInput = z.object(DaemonRef);
export const ValidateDaemonInput = z.object({ yaml: Yaml });
export const PreviewDaemonInput = z.object({
  yaml: Yaml,
  /** A sample external event: JSON, or a raw line (syslog/CEF/LEEF) for listener kinds. */
  sample: z.string().min(1).max(100_000),
});
export const SaveDaemonInput = z.object({ yaml: Yaml, daemonId: z.uuid().optional() });
export const SetDaemonEnabledInput = z.object({ ...DaemonRef, enabled: z.boolean() });
export const RescheduleDaemonInput = z.object({ ...DaemonRef, at: z.coerce.date() });
export const RewindCursorInput = z.object({ ...DaemonRef, value: z.unknown() });
export const DaemonOutputInput = z.object({ outputId: z.uuid() });
