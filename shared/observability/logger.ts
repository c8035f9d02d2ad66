// The one structured logger: JSON lines with business ids as keys, never names, emails or phone numbers.
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'arrears' });
