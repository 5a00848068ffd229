import { z } from 'zod';
import { Duration } from './duration';

export const STEP_ID_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Identifier-shaped so `steps.<id>.output` works in JSONata without backticks. */
export const StepId = z
  .string()
  .regex(STEP_ID_RE, 'step id must start with a letter or _ and hold only letters, digits and _');

export const PLAYBOOK_ID_RE = /^[a-z0-9][a-z0-9-]*$/;
export const PlaybookId = z
  .string()
  .regex(PLAYBOOK_ID_RE, 'playbook id must be lowercase letters, digits and -');

const Expression = z.string().min(1, 'expression must not be empty');

export const Goto = z.strictObject({ goto: StepId });

export const OnError = z.union([z.enum(['fail', 'continue']), Goto], {
  error: () => "on_error must be 'fail', 'continue' or { goto: <step id> }",
});
export type OnError = z.infer<typeof OnError>;

export const Retry = z.strictObject({
  count: z.int().min(0).max(20),
  backoff: z.enum(['fixed', 'exponential']).default('fixed'),
  base: Duration.default(1_000),
  max: Duration.optional(),
});
export type Retry = z.infer<typeof Retry>;

const Needs = z.union([StepId.transform((id) => [id]), z.array(StepId)]).default([]);

const stepBase = {
  id: StepId,
  name: z.string().optional(),
  needs: Needs,
  if: Expression.optional(),
  foreach: Expression.optional(),
  concurrency: z.int().min(1).max(100).optional(),
  retry: Retry.optional(),
  timeout: Duration.optional(),
  on_error: OnError.default('fail'),
};

const With = z.record(z.string(), z.unknown()).default({});

export const ActionStep = z.strictObject({
  kind: z.literal('action'),
  ...stepBase,
  uses: z.string().min(1),
  with: With,
});
export type ActionStep = z.infer<typeof ActionStep>;

/** `with` of a call step are the child playbook's inputs; the child's outputs become this step's output. */
export const CallStep = z.strictObject({
  kind: z.literal('call'),
  ...stepBase,
  call: PlaybookId,
  with: With,
});
export type CallStep = z.infer<typeof CallStep>;

export const WaitStep = z.strictObject({
  kind: z.literal('wait'),
  ...stepBase,
  wait: z.union([z.strictObject({ duration: Duration }), z.strictObject({ until: z.string().min(1) })], {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the message shows playbook syntax
    error: () => 'wait needs { duration: <e.g. 5m> } or { until: <ISO time or ${{ expr }}> }',
  }),
});
export type WaitStep = z.infer<typeof WaitStep>;

/** A human choice answered in the console; output is `{ choice, by, comment, timedOut }`. */
export const DecisionStep = z.strictObject({
  kind: z.literal('decision'),
  ...stepBase,
  decision: z.strictObject({
    prompt: z.string().min(1),
    role: z.string().min(1),
    choices: z.array(z.string().min(1)).min(1).default(['approve', 'reject']),
    timeout: Duration.optional(),
    on_timeout: z
      .union([Goto, z.strictObject({ choose: z.string().min(1) })], {
        error: () => 'on_timeout must be { goto: <step id> } or { choose: <choice> }',
      })
      .optional(),
  }),
});
export type DecisionStep = z.infer<typeof DecisionStep>;

export const STEP_KINDS = { uses: 'action', call: 'call', wait: 'wait', decision: 'decision' } as const;

/** The kind is implied by which of `uses`, `call`, `wait`, `decision` a step has, as in GitHub Actions. */
function withKind(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const present = Object.entries(STEP_KINDS).filter(([key]) => Object.hasOwn(raw, key));
  if (present.length !== 1) return { ...raw, kind: undefined };
  return { ...raw, kind: present[0]?.[1] };
}

export const Step = z.preprocess(
  withKind,
  z.discriminatedUnion('kind', [ActionStep, CallStep, WaitStep, DecisionStep], {
    error: () => 'a step needs exactly one of uses, call, wait or decision',
  }),
);
export type Step = z.infer<typeof Step>;
export type StepKind = Step['kind'];
