// The environment of the SES feedback function, validated once per cold start.
import * as z from 'zod';

export const FeedbackEnvSchema = z.object({ TABLE_NAME: z.string().min(1) });
