// Makes the DynamoDB document client once per process; endpoint and region come from the standard AWS environment.
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { withoutSdkLogging } from '../aws/without-sdk-logging';

/**
 * SDK attempts per call. The standard retry mode backs off with full jitter (base 100 ms, 500 ms for throttling,
 * capped at 20 s) and retries throttling, timeouts and 5xx; five attempts ride out a throttled partition
 * well inside the API's 29 s, and what still fails goes up to the caller's own retry (Step Functions, the provider).
 */
export const DYNAMODB_MAX_ATTEMPTS = 5;

export const createDocumentClient = (config: DynamoDBClientConfig = {}): DynamoDBDocumentClient => {
  const client = withoutSdkLogging(
    new DynamoDBClient({ maxAttempts: DYNAMODB_MAX_ATTEMPTS, retryMode: 'standard', ...config }),
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
};

/** True when a DynamoDB call was refused by its condition expression. */
export const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

/** The cancellation reason codes of a refused transaction, one per action, or null for any other error. */
export const transactionCancellationCodes = (error: unknown): (string | undefined)[] | null => {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return null;
  const reasons = (error as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((reason) => reason.Code);
};

/** The item a refused conditional write found (asked for with ReturnValuesOnConditionCheckFailure), as plain values. */
export const conditionFailureItem = (error: unknown): Record<string, unknown> | null => {
  const item = (error as { Item?: Record<string, unknown> } | undefined)?.Item;
  return item ? unmarshall(item as Parameters<typeof unmarshall>[0]) : null;
};

/** Every item a query matches, following its pages: for partitions that are read whole (an invoice, a timeline). */
export const queryAll = async (
  client: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};
