// The operator command that issues API keys: prints a key once, stores only its hash, and the key then authenticates.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { sha256Hex } from '../../shared/domain/ids';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/dynamodb-local';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
beforeAll(async () => {
  table = await createTestTable();
});
afterAll(() => table.destroy());

const issue = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'infra/bin/issue-api-key.ts', ...args],
    {
      cwd: path.resolve(__dirname, '..', '..'),
      encoding: 'utf8',
      env: {
        ...process.env,
        AWS_ENDPOINT_URL_DYNAMODB: process.env.ARREARS_TEST_DYNAMODB_ENDPOINT,
        AWS_REGION: LOCAL_REGION,
        AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      },
    },
  );

describe('npm run issue-api-key', () => {
  it('creates the tenant and a key that resolves to it', async () => {
    const result = issue('--table', table.tableName, '--tenant', 'newco', '--name', 'NewCo AS');
    expect(result.status).toBe(0);
    const apiKey = /api key: (\S+)/.exec(result.stdout)![1]!;
    const deps = table.deps(fixedClock('2026-12-01T00:00:00Z'));
    expect(await deps.tenants.resolveApiKey(sha256Hex(apiKey))).toMatchObject({ tenantId: 'newco', role: 'partner' });
    expect(await deps.tenants.getTenant('newco')).toMatchObject({ name: 'NewCo AS', sendTime: '09:00' });
  });

  it('item 3: names the person a key is issued to, the operator when not told', async () => {
    const deps = table.deps(fixedClock('2026-12-01T00:00:00Z'));
    const named = issue(
      '--table',
      table.tableName,
      '--tenant',
      'peopleco',
      '--role',
      'manager',
      '--issued-to',
      'anna@peopleco.example',
    );
    expect(named.status).toBe(0);
    expect(await deps.tenants.resolveApiKey(sha256Hex(/api key: (\S+)/.exec(named.stdout)![1]!))).toMatchObject({
      role: 'manager',
      person: 'anna@peopleco.example',
    });
    const unnamed = issue('--table', table.tableName, '--tenant', 'peopleco');
    expect(await deps.tenants.resolveApiKey(sha256Hex(/api key: (\S+)/.exec(unnamed.stdout)![1]!))).toMatchObject({
      person: expect.stringMatching(/^operator:/),
    });
    expect((await deps.tenants.listApiKeys('peopleco')).map((key) => key.issuedTo)).toEqual([
      'anna@peopleco.example',
      expect.stringMatching(/^operator:/),
    ]);
    expect(issue('--table', table.tableName, '--tenant', 'peopleco', '--issued-to', 'two words').stderr).toContain(
      '--issued-to',
    );
  });

  it('refuses a bad tenant id and a bad role', () => {
    expect(issue('--table', table.tableName, '--tenant', 'bad#id').stderr).toContain('not a valid tenant id');
    expect(issue('--table', table.tableName, '--tenant', 'ok', '--role', 'admin').status).toBe(1);
  });
});
