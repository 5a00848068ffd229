import { z } from 'zod';
import { defineAction } from '../action-registry';

const Verdict = z.enum(['malicious', 'suspicious', 'benign', 'unknown']);

/**
 * The master playbook's enrichment step: every artifact of the incident judged (OSINT, local intel,
 * global lists), ATT&CK techniques mapped, the result stored on the incident and its priority moved
 * by the asset / VIP rules. Re-running replaces the result.
 */
export const enrichIncident = defineAction({
  id: 'enrich.incident',
  description: "Enrich an incident's artifacts (OSINT, lists) and map ATT&CK techniques; stores the summary",
  input: z.strictObject({ incidentId: z.uuid() }),
  output: z.object({
    worst: Verdict,
    counts: z.record(Verdict, z.int()),
    priorityDelta: z.int(),
    techniques: z.array(z.string()),
    /** Artifacts an allow list marked benign: notifications leave them out. */
    suppressed: z.array(z.string()),
  }),
  sideEffects: false,
});
