// The environment of the escalation functions (the run, the state machine's tasks), validated once per cold start.
import { z } from 'zod';

export const EngineEnvSchema = z.object({
  TABLE_NAME: z.string().min(1),
  /** Shards of the due-date index per tenant and date (see keys.ts); fixed for the life of the data. */
  DUE_DATE_SHARDS: z.coerce.number().int().min(1).max(256).default(16),
  EVENT_BUS_NAME: z.string().min(1),
  SES_CONFIGURATION_SET: z.string().min(1),
  DEFAULT_EMAIL_FROM: z.email(),
  PUBLIC_BASE_URL: z.url(),
});
export type EngineEnv = z.infer<typeof EngineEnvSchema>;

/** The scheduled run also starts executions. (The state machine's own tasks must not name it: that would be a cycle.) */
export const RunEnvSchema = EngineEnvSchema.extend({ STATE_MACHINE_ARN: z.string().min(1) });
