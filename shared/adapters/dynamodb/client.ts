// Makes the DynamoDB document client once per process; endpoint and region come from the standard AWS environment.
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

export const createDocumentClient = (config: DynamoDBClientConfig = {}): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(new DynamoDBClient(config), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });

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
