// A note that an open delinquency's execution ended without finishing the case: the hourly run restarts it.
import * as z from 'zod';

export const EndedExecutionStatusSchema = z.enum(['FAILED', 'TIMED_OUT', 'ABORTED']);
export type EndedExecutionStatus = z.infer<typeof EndedExecutionStatusSchema>;

export const RestartMarkerSchema = z.object({
  delinquencyId: z.string().min(1),
  /** The execution that ended, and its place in the delinquency's chain. */
  execution: z.string().min(1),
  generation: z.number().int().min(1),
  status: EndedExecutionStatusSchema,
  stoppedAt: z.string(),
  markedAt: z.string(),
});
export type RestartMarker = z.infer<typeof RestartMarkerSchema>;
