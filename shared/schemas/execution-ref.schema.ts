// The execution now escalating a delinquency: its name, its place in the case's chain of executions, when it started.
import * as z from 'zod';

export const ExecutionRefSchema = z.object({
  name: z.string().min(1),
  /** 1 for "<delinquencyId>", n for "<delinquencyId>.n"; a reopened case's "<id>-r1" takes the next number. */
  generation: z.number().int().min(1),
  startedAt: z.string(),
});
export type ExecutionRef = z.infer<typeof ExecutionRefSchema>;
