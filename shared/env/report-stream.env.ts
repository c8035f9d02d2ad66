// The environment of the table's stream consumer (the report counters), validated once per cold start.
import * as z from 'zod';

export const ReportStreamEnvSchema = z.object({ TABLE_NAME: z.string().min(1) });
