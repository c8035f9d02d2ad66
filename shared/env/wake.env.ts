// The environment of the Wake task: the engine's, plus where its one-time wake schedules go and the role they run as.
import * as z from 'zod';
import { EngineEnvSchema } from './engine.env';

export const WakeEnvSchema = EngineEnvSchema.extend({
  WAKE_SCHEDULE_GROUP: z.string().min(1),
  WAKE_SCHEDULER_ROLE_ARN: z.string().min(1),
});
export type WakeEnv = z.infer<typeof WakeEnvSchema>;
