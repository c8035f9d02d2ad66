// The data the delinquency state machine carries: its input, what the Advance task answers, what the wait task receives.
import * as z from 'zod';
import { DelinquencyStatusSchema } from '../../shared/schemas/delinquency.schema';

export const ExecutionInputSchema = z.object({ tenantId: z.string().min(1), delinquencyId: z.string().min(1) });
export type ExecutionInput = z.infer<typeof ExecutionInputSchema>;

export const AdvanceResultSchema = z.object({
  /** True when the execution should end: resolved, handed off, written off, or nothing left to do. */
  done: z.boolean(),
  status: DelinquencyStatusSchema,
  /** Seconds until the next wake-up (at least 1). */
  waitSeconds: z.number().int().min(1),
  /** The facts version this decision read; the wait only parks if no fact changed since. */
  factsVersion: z.number().int(),
});

export const WaitInputSchema = ExecutionInputSchema.extend({
  factsVersion: z.number().int(),
  waitSeconds: z.number().int().min(1),
  taskToken: z.string().min(1),
});
export type WaitInput = z.infer<typeof WaitInputSchema>;
