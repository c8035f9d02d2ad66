// The data the delinquency state machine carries: its input, what the Advance task answers, what the wait task receives.
import * as z from 'zod';
import { DelinquencyStatusSchema } from '../../shared/schemas/delinquency.schema';

export const ExecutionInputSchema = z.object({ tenantId: z.string().min(1), delinquencyId: z.string().min(1) });
export type ExecutionInput = z.infer<typeof ExecutionInputSchema>;

/**
 * What the Advance task is given: the delinquency, the execution it runs in (from the context object) and the state as
 * it stands (the previous pass's result under `advance`, absent on the first pass).
 */
export const AdvancePayloadSchema = ExecutionInputSchema.extend({
  execution: z.object({ name: z.string().min(1), startedAt: z.string().min(1) }).optional(),
  state: z
    .object({
      advance: z
        .object({ passes: z.number().int().min(0) })
        .partial()
        .optional(),
    })
    .optional(),
});
export type AdvancePayload = z.infer<typeof AdvancePayloadSchema>;

export const AdvanceResultSchema = z.object({
  /** True when the execution should end: resolved, handed off, written off, or nothing left to do. */
  done: z.boolean(),
  status: DelinquencyStatusSchema,
  /** Seconds until the next wake-up (at least 1). */
  waitSeconds: z.number().int().min(1),
  /** The facts version this decision read; the wait only parks if no fact changed since. */
  factsVersion: z.number().int(),
  /** Passes this execution has made, this one included: its history grows with them. */
  passes: z.number().int().min(1).optional(),
  /** Set when the case continues in a new execution of this name instead of waiting here (see execution-chain.ts). */
  handOverTo: z.string().min(1).optional(),
});

export const WaitInputSchema = ExecutionInputSchema.extend({
  factsVersion: z.number().int(),
  waitSeconds: z.number().int().min(1),
  taskToken: z.string().min(1),
});
export type WaitInput = z.infer<typeof WaitInputSchema>;
