// Creates the single table in DynamoDB Local from the same design the CDK stack deploys.
import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { TABLE_DESIGN, projectionOf } from '../shared/adapters/dynamodb/table-design';

const streamSpecification = { StreamEnabled: true, StreamViewType: TABLE_DESIGN.streamViewType };

export const createTable = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  const existing = await client
    .send(new DescribeTableCommand({ TableName: tableName }))
    .then((described) => described.Table ?? null)
    .catch((error: Error) => {
      if (error.name === 'ResourceNotFoundException') return null;
      throw error;
    });
  if (existing) {
    // A table kept from before the stream existed (a data folder) gets it: the report counters follow it.
    if (!existing.StreamSpecification?.StreamEnabled) {
      await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: streamSpecification }));
    }
    return;
  }
  const attributeNames = new Set<string>([TABLE_DESIGN.partitionKey, TABLE_DESIGN.sortKey]);
  for (const index of TABLE_DESIGN.globalSecondaryIndexes) {
    attributeNames.add(index.partitionKey);
    attributeNames.add(index.sortKey);
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributeNames].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE_DESIGN.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_DESIGN.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE_DESIGN.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: projectionOf(index),
      })),
      StreamSpecification: streamSpecification,
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE_DESIGN.timeToLiveAttribute, Enabled: true },
    }),
  );
};

/** The table's stream, as the event source mapping is configured with it (the operator's setup, not a function's call). */
export const tableStreamArn = async (client: DynamoDBClient, tableName: string): Promise<string> => {
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const arn = described.Table?.LatestStreamArn;
  if (!arn) throw new Error(`the table ${tableName} has no stream`);
  return arn;
};
