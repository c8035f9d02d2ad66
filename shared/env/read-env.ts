// Validates a function's environment once, at cold start, naming every missing or malformed variable.
import type { z } from 'zod';

export const readEnv = <T extends z.ZodType>(schema: T, source: NodeJS.ProcessEnv = process.env): z.infer<T> => {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`invalid environment: ${names}`);
  }
  return parsed.data;
};
