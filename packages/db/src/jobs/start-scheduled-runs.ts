import { z } from 'zod';

/** The schedule tick: starts the due slot of every `schedule` playbook, once per slot (see the worker). */
export const START_SCHEDULED_RUNS = 'start-scheduled-runs';
export const StartScheduledRunsPayload = z.object({});
export type StartScheduledRunsPayload = z.infer<typeof StartScheduledRunsPayload>;
