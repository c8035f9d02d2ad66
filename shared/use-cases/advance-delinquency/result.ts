// What a pass is asked and what it answers: the delinquency, the wait it runs in, and whether and when to wake next.
import * as z from 'zod';
import { DelinquencyStatusSchema, type Delinquency } from '../../schemas/delinquency.schema';

export interface AdvanceInput {
  tenantId: string;
  delinquencyId: string;
  /**
   * The wait this pass runs in: its task token is saved with the case (in the write the pass makes anyway) so an event
   * can wake it, and the pass is counted for its execution. Without one (a pass outside any execution) no token is
   * kept.
   */
  wait?: { taskToken: string; execution: string };
}

export const AdvanceResultSchema = z.object({
  /** True when the execution should end: resolved, handed off, written off, or nothing left to do. */
  done: z.boolean(),
  status: DelinquencyStatusSchema,
  /** When to wake next (an ISO instant); null when only an event can change what the case does. */
  wakeAt: z.string().nullable(),
  /** Passes the execution has made, this one included (0 outside an execution): its history grows with them. */
  passes: z.number().int().min(0),
});
export type AdvanceResult = z.infer<typeof AdvanceResultSchema>;

/** What a pass decided, before it is counted: whether the execution ends, and when to wake otherwise. */
export interface Decision {
  done: boolean;
  status: Delinquency['status'];
  wakeAt: Date | null;
}
