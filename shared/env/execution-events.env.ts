// The environment of the function that marks cases whose execution ended early, validated once per cold start.
import * as z from 'zod';

export const ExecutionEventsEnvSchema = z.object({ TABLE_NAME: z.string().min(1) });
