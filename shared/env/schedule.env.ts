// The environment of the scheduled functions, validated once per cold start.
import { z } from 'zod';

export const ScheduleEnvSchema = z.object({
  TABLE_NAME: z.string().min(1),
});
