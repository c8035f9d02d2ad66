// Step Functions' "Execution Status Change" events, as EventBridge delivers them on the default bus: the rule that
// routes the delinquency executions' early ends to the restart marker, and the parts of the event the handler reads.
import * as z from 'zod';
import { EndedExecutionStatusSchema } from '../../shared/schemas/restart-marker.schema';

export const EXECUTION_STATUS_CHANGE = {
  source: 'aws.states',
  detailType: 'Step Functions Execution Status Change',
} as const;

/** The statuses that leave a case without an execution (SUCCEEDED is a case that ended or handed over). */
export const EARLY_END_STATUSES = EndedExecutionStatusSchema.options;

export const ExecutionStatusChangeSchema = z.object({
  executionArn: z.string(),
  stateMachineArn: z.string(),
  name: z.string().min(1),
  status: z.string(),
  /** Milliseconds since the epoch. */
  startDate: z.number(),
  stopDate: z.number().nullable().optional(),
  /** The execution's input as a JSON string (null when Step Functions left it out for size). */
  input: z.string().nullable().optional(),
});
export type ExecutionStatusChange = z.infer<typeof ExecutionStatusChangeSchema>;
