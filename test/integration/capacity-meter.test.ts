// The capacity meter against DynamoDB Local: what a refused conditional write or a cancelled transaction costs is
// counted (DynamoDB bills it though it reports nothing), the caller still sees the refusal, and use is told by function.
import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { meterCapacity, type CapacityMeter } from '../../shared/adapters/dynamodb/capacity-meter';
import { createTestTable, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let meter: CapacityMeter;
let runningAs: string | undefined;
beforeAll(async () => {
  table = await createTestTable();
  meter = meterCapacity(table.client, { attribute: () => runningAs });
});
afterAll(() => table.destroy());
beforeEach(() => meter.reset());

const put = (pk: string, bytes: number, condition?: string) =>
  table.client.send(
    new PutCommand({
      TableName: table.tableName,
      Item: { pk, sk: 'ITEM', body: 'x'.repeat(bytes) },
      ...(condition ? { ConditionExpression: condition } : {}),
    }),
  );

it('counts a refused put as a write of the item it found, and still refuses it', async () => {
  await put('meter#1', 2_500);
  const before = meter.totals();
  await expect(put('meter#1', 100, 'attribute_not_exists(pk)')).rejects.toMatchObject({
    name: 'ConditionalCheckFailedException',
  });
  const after = meter.totals();
  expect(after.refusedWrites - before.refusedWrites).toBe(1);
  expect(after.writeUnits - before.writeUnits).toBe(3);
  expect(after.refusedWriteUnits).toBe(3);
});

it('counts a refused update by the size of the item it found', async () => {
  await put('meter#2', 1_500);
  meter.reset();
  await expect(
    table.client.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: { pk: 'meter#2', sk: 'ITEM' },
        UpdateExpression: 'SET version = :v',
        ConditionExpression: 'attribute_not_exists(version) AND attribute_not_exists(pk)',
        ExpressionAttributeValues: { ':v': 1 },
      }),
    ),
  ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
  expect(meter.totals()).toMatchObject({ writeUnits: 2, refusedWrites: 1, refusedWriteUnits: 2 });
});

it('counts a cancelled transaction as a transactional write of each action', async () => {
  await put('meter#3', 10);
  meter.reset();
  await expect(
    table.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table.tableName,
              Item: { pk: 'meter#3', sk: 'ITEM', body: 'y' },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: table.tableName, Item: { pk: 'meter#4', sk: 'ITEM', body: 'z'.repeat(1_200) } } },
        ],
      }),
    ),
  ).rejects.toMatchObject({ name: 'TransactionCanceledException' });
  expect(meter.totals()).toMatchObject({ writeUnits: 2 * 1 + 2 * 2, refusedWrites: 1 });
});

it('tells each function’s use apart', async () => {
  runningAs = 'AdvanceTask';
  await put('meter#5', 10);
  runningAs = 'PutInvoice';
  await put('meter#6', 1_100);
  runningAs = undefined;
  const { byFunction, writeUnits } = meter.totals();
  expect(byFunction.AdvanceTask).toMatchObject({ writeUnits: 1, calls: { PutItemCommand: 1 } });
  expect(byFunction.PutInvoice).toMatchObject({ writeUnits: 2, calls: { PutItemCommand: 1 } });
  expect(writeUnits).toBe(3);
});

it('counts a transaction as AWS bills it, 2 units per item per KB, where DynamoDB Local reports 2 for the whole', async () => {
  for (let i = 0; i < 9; i += 1)
    await table.client.send(new PutCommand({ TableName: table.tableName, Item: { pk: 'TXN', sk: `cell-${i}`, n: 0 } }));
  meter.reset();
  await table.client.send(
    new TransactWriteCommand({
      TransactItems: Array.from({ length: 9 }, (_, i) => ({
        Update: {
          TableName: table.tableName,
          Key: { pk: 'TXN', sk: `cell-${i}` },
          UpdateExpression: 'ADD n :one',
          ExpressionAttributeValues: { ':one': 1 },
        },
      })),
    }),
  );
  // A 3 KB item put in a transaction with a small one: 6 + 2.
  const large = 'x'.repeat(2_500);
  await table.client.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: table.tableName, Item: { pk: 'TXN', sk: 'large', text: large } } },
        { Put: { TableName: table.tableName, Item: { pk: 'TXN', sk: 'small' } } },
      ],
    }),
  );
  expect(meter.totals().writeUnits).toBe(18 + 8);
});
