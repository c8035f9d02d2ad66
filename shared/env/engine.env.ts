// The environment of the escalation functions (the run, the state machine's tasks), validated once per cold start.
import * as z from 'zod';

export const EngineEnvSchema = z.object({
  TABLE_NAME: z.string().min(1),
  /** Shards of the due-date index per tenant and date (see keys.ts); fixed for the life of the data. */
  DUE_DATE_SHARDS: z.coerce.number().int().min(1).max(256).default(16),
  EVENT_BUS_NAME: z.string().min(1),
  SES_CONFIGURATION_SET: z.string().min(1),
  DEFAULT_EMAIL_FROM: z.email(),
  PUBLIC_BASE_URL: z.url(),
  /** Where the deployment's named secrets live (the portal links' signing key, tenants' Stripe keys). */
  SECRETS_NAMESPACE: z.string().min(1),
});
export type EngineEnv = z.infer<typeof EngineEnvSchema>;

/** The scheduled run also starts executions. (The state machine's own tasks must not name it: that would be a cycle.) */
export const RunEnvSchema = EngineEnvSchema.extend({
  STATE_MACHINE_ARN: z.string().min(1),
  /**
   * The run's pace of StartExecution calls: the account's quota (300/s refill, 1,300 burst in the largest regions;
   * 150/s and 800 elsewhere) less headroom for the API's own starts (a reopened case).
   */
  START_EXECUTION_RATE: z.coerce.number().positive().default(290),
  START_EXECUTION_BURST: z.coerce.number().int().min(1).default(1_000),
  /** Invoices the run handles at once. */
  RUN_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(32),
});
