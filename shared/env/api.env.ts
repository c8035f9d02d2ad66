// The environment every partner-API function needs, validated once per cold start; the CDK side is typed from it.
import { z } from 'zod';

export const ApiEnvSchema = z.object({
  TABLE_NAME: z.string().min(1),
  /** Largest request body accepted, in bytes; larger ones get 413 before anything is parsed. */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(65_536),
});
export type ApiEnv = z.infer<typeof ApiEnvSchema>;
