// The table's stream consumer: counts the invoice writes of a batch of stream records into the report counters, and
// names the first record it could not count, so Lambda retries the batch from there (earlier ones are done).
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { countedWriteOf, DynamoReportStream } from '../../shared/adapters/dynamodb/report-stream.dynamodb';
import { ReportStreamEnvSchema } from '../../shared/env/report-stream.env';
import { readEnv } from '../../shared/env/read-env';
import { logger } from '../../shared/observability/logger';
import type { ReportStream } from '../../shared/ports/report-stream.port';

export interface ReportStreamDeps {
  reportStream: ReportStream;
}

type Image = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;
const plain = (image: Image | undefined) =>
  image === undefined ? undefined : unmarshall(image as Parameters<typeof unmarshall>[0]);

export const createHandler = (deps: ReportStreamDeps) =>
  middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      const writes = event.Records.flatMap((record) => {
        const write = countedWriteOf(
          record.dynamodb?.SequenceNumber ?? '',
          plain(record.dynamodb?.OldImage),
          plain(record.dynamodb?.NewImage),
        );
        return write ? [write] : [];
      });
      const outcome = await deps.reportStream.count(writes);
      logger.info('report counters', {
        records: event.Records.length,
        writes: writes.length,
        failedFrom: outcome.failedFrom,
      });
      if (outcome.failedFrom === null) return { batchItemFailures: [] };
      logger.error('counting stopped; the batch is retried from the first record not counted', {
        failedFrom: outcome.failedFrom,
        error: (outcome.error as Error | undefined)?.message,
      });
      return { batchItemFailures: [{ itemIdentifier: outcome.failedFrom }] };
    });

let built: ReturnType<typeof createHandler> | undefined;
export const handler = (event: DynamoDBStreamEvent, context: Context) => {
  if (!built) {
    const env = readEnv(ReportStreamEnvSchema);
    built = createHandler({ reportStream: new DynamoReportStream(createDocumentClient(), env.TABLE_NAME) });
  }
  return built(event, context);
};
