// The data the delinquency state machine carries: its input, what the Advance task answers, what the wait task receives.
import { z } from 'zod';
import { DelinquencyStatusSchema } from '../../shared/schemas/delinquency.schema';

export const ExecutionInputSchema = z.object({ tenantId: z.string().min(1), delinquencyId: z.string().min(1) });
export type ExecutionInput = z.infer<typeof ExecutionInputSchema>;

export const AdvanceResultSchema = z.object({
  done: z.boolean(),
  status: DelinquencyStatusSchema,
  waitSeconds: z.number().int().min(1),
  factsVersion: z.number().int(),
});

export const WaitInputSchema = ExecutionInputSchema.extend({
  factsVersion: z.number().int(),
  waitSeconds: z.number().int().min(1),
  taskToken: z.string().min(1),
});
export type WaitInput = z.infer<typeof WaitInputSchema>;
