// The optimistic-concurrency guard shared by every versioned item: write only over the version that was read.
import {
  DeleteCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, transactionCancellationCodes } from './client';

export const versionCondition = (expectedVersion: number | null) =>
  expectedVersion === null
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: '#version = :expectedVersion',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expectedVersion': expectedVersion },
      };

/** Puts a versioned item over the version that was read (null: only if new); false when someone else wrote first. */
export const putVersioned = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  item: Record<string, unknown>,
  expectedVersion: number | null,
): Promise<boolean> => {
  try {
    await client.send(new PutCommand({ TableName: tableName, Item: item, ...versionCondition(expectedVersion) }));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/**
 * One guarded write on its own, as the plain conditional write it is: a transaction costs twice the write units of
 * the same write and guarantees nothing more for one item.
 */
const singleWrite = (
  client: DynamoDBDocumentClient,
  item: NonNullable<TransactWriteCommandInput['TransactItems']>[number],
): (() => Promise<unknown>) | null => {
  const { Put, Update, Delete } = item;
  if (Put) return () => client.send(new PutCommand(Put));
  if (Update) return () => client.send(new UpdateCommand(Update));
  if (Delete) return () => client.send(new DeleteCommand(Delete));
  return null;
};

/**
 * Runs a transaction of guarded writes (one write alone goes as a plain conditional write); false when any guard refused it (so nothing of it was written). A transaction
 * racing another one on the same item (TransactionConflict) is refused the same way, so the caller reads again, unless
 * the caller reads `false` as "it exists" (a create): then the conflict goes up as the retryable error it is.
 */
export const transactGuarded = async (
  client: DynamoDBDocumentClient,
  items: NonNullable<TransactWriteCommandInput['TransactItems']>,
  conflicts: 'refuse' | 'throw' = 'refuse',
): Promise<boolean> => {
  const single = items.length === 1 ? singleWrite(client, items[0]!) : null;
  try {
    await (single ? single() : client.send(new TransactWriteCommand({ TransactItems: items })));
    return true;
  } catch (error) {
    if (single && isConditionFailure(error)) return false;
    // A plain write that met a transaction in flight on its item: the same race as a transaction's conflict.
    if (single && conflicts === 'refuse' && (error as Error).name === 'TransactionConflictException') return false;
    const codes = transactionCancellationCodes(error);
    if (codes?.includes('ConditionalCheckFailed') || (conflicts === 'refuse' && codes?.includes('TransactionConflict')))
      return false;
    throw error;
  }
};
