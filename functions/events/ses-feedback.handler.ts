// SNS subscriber of the SES configuration set's events: permanent bounces and complaints suppress the address.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, SNSEvent } from 'aws-lambda';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { DynamoCustomerRepository } from '../../shared/adapters/dynamodb/customer-repository.dynamodb';
import { FeedbackEnvSchema } from '../../shared/env/feedback.env';
import { readEnv } from '../../shared/env/read-env';
import { logger } from '../../shared/observability/logger';
import { systemClock } from '../../shared/ports/clock.port';
import { SesFeedbackSchema } from '../../shared/schemas/ses-feedback.schema';
import { applyEmailFeedback, type FeedbackDeps } from '../../shared/use-cases/email-feedback';

export const createHandler = (deps: FeedbackDeps) =>
  middy<SNSEvent, { suppressed: number }>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      let suppressed = 0;
      for (const record of event.Records) {
        const parsed = SesFeedbackSchema.safeParse(JSON.parse(record.Sns.Message));
        if (!parsed.success) {
          logger.warn('not an SES event notification; skipped', { messageId: record.Sns.MessageId });
          continue;
        }
        const outcome = await applyEmailFeedback(deps, parsed.data);
        // Addresses are personal data: only counts and ids reach the log.
        if ('suppressed' in outcome) suppressed += outcome.suppressed.length;
        logger.info('SES feedback', {
          eventType: parsed.data.eventType,
          sesMessageId: parsed.data.mail.messageId,
          suppressed: 'suppressed' in outcome ? outcome.suppressed.length : 0,
        });
      }
      return { suppressed };
    });

let built: ReturnType<typeof createHandler> | undefined;
export const handler = (event: SNSEvent, context: Context) => {
  if (!built) {
    const env = readEnv(FeedbackEnvSchema);
    built = createHandler({
      clock: systemClock,
      customers: new DynamoCustomerRepository(createDocumentClient(), env.TABLE_NAME),
    });
  }
  return built(event, context);
};
