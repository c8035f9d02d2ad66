// Tenants and API key hashes in the single table.
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ApiKeyGrant, TenantDirectory } from '../../ports/tenant-directory.port';
import { TenantSchema, ApiKeyRoleSchema, type Tenant } from '../../schemas/tenant.schema';
import { queryAll } from './client';
import { itemMeta, keys, stripStorage } from './keys';

export class DynamoTenantDirectory implements TenantDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async resolveApiKey(keyHash: string): Promise<ApiKeyGrant | null> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.apiKeyPartition(keyHash) },
        Limit: 2,
      }),
    );
    const active = (result.Items ?? []).filter((item) => item.revokedAt === undefined);
    // A hash that maps to two tenants is a collision no caller can be trusted with.
    if (active.length !== 1) return null;
    const item = active[0]!;
    return { tenantId: String(item.tenantId), role: ApiKeyRoleSchema.parse(item.role), keyId: String(item.keyId) };
  }

  async getTenant(tenantId: string): Promise<Tenant | null> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.tenant(tenantId) }));
    return result.Item ? TenantSchema.parse(stripStorage(result.Item)) : null;
  }

  async putTenant(tenant: Tenant): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.tenant(tenant.id), ...keys.tenantListing(tenant.id), ...itemMeta('Tenant'), ...tenant },
      }),
    );
  }

  async putApiKey(keyHash: string, grant: ApiKeyGrant, createdAt: string): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.apiKey(keyHash, grant.tenantId), ...itemMeta('ApiKey'), ...grant, createdAt },
      }),
    );
  }

  async listTenants(): Promise<Tenant[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.tenantsPartition() },
    });
    return items.map((item) => TenantSchema.parse(stripStorage(item)));
  }
}
