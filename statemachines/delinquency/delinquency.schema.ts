// The data the delinquency state machine carries: its input, and what its Wake task receives.
import * as z from 'zod';

export const ExecutionInputSchema = z.object({ tenantId: z.string().min(1), delinquencyId: z.string().min(1) });
export type ExecutionInput = z.infer<typeof ExecutionInputSchema>;

/** What the Wake task is given: the delinquency, the execution it runs in (from the context object) and its token. */
export const WakePayloadSchema = ExecutionInputSchema.extend({
  execution: z.object({ name: z.string().min(1), startedAt: z.string().min(1) }),
  taskToken: z.string().min(1),
});
export type WakePayload = z.infer<typeof WakePayloadSchema>;
