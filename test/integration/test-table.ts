// Gives each integration test file its own table in the shared DynamoDB Local, built from the deployed table design.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { buildApiDependencies, type ApiDependencies } from '../../shared/env/api-dependencies';
import type { Clock } from '../../shared/ports/clock.port';
import { createTable } from '../../local/create-table';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/dynamodb-local';

export interface TestTable {
  tableName: string;
  client: ReturnType<typeof createDocumentClient>;
  deps(clock: Clock): ApiDependencies;
  destroy(): void;
}

export const createTestTable = async (): Promise<TestTable> => {
  const endpoint = process.env.ARREARS_TEST_DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('ARREARS_TEST_DYNAMODB_ENDPOINT is not set: run through the integration project');
  const config = { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const raw = new DynamoDBClient(config);
  const tableName = `test-${randomUUID()}`;
  await createTable(raw, tableName);
  const client = createDocumentClient(config);
  return {
    tableName,
    client,
    deps: (clock) => buildApiDependencies(client, tableName, clock, 65_536),
    destroy: () => {
      client.destroy();
      raw.destroy();
    },
  };
};

/** A clock that only moves when told to. */
export const fixedClock = (iso: string) => {
  let now = new Date(iso);
  return { now: () => new Date(now.getTime()), set: (next: string) => (now = new Date(next)) };
};
