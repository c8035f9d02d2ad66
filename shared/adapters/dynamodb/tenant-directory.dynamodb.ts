// Tenants and API key hashes in the single table.
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ApiKeyRecordSchema, type ApiKeyRecord } from '../../schemas/api-key.schema';
import {
  personOfUnnamedKey,
  type ApiKeyGrant,
  type StoredKeyGrant,
  type TenantDirectory,
} from '../../ports/tenant-directory.port';
import { TenantSchema, ApiKeyRoleSchema, type Tenant } from '../../schemas/tenant.schema';
import { queryAll } from './client';
import { queryIndexed } from './indexed-items';
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
    const keyId = String(item.keyId);
    return {
      tenantId: String(item.tenantId),
      role: ApiKeyRoleSchema.parse(item.role),
      keyId,
      person: typeof item.issuedTo === 'string' ? item.issuedTo : personOfUnnamedKey(keyId),
    };
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

  async putApiKey(
    keyHash: string,
    grant: StoredKeyGrant,
    createdAt: string,
    details: { name?: string; createdBy?: string; issuedTo?: string } = {},
  ): Promise<void> {
    const issuedTo = details.issuedTo ?? personOfUnnamedKey(grant.keyId);
    const listing = {
      keyId: grant.keyId,
      role: grant.role,
      ...(details.name ? { name: details.name } : {}),
      issuedTo,
      createdAt,
      createdBy: details.createdBy ?? 'operator',
      revokedAt: null,
      revokedBy: null,
    };
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...keys.apiKey(keyHash, grant.tenantId),
                ...itemMeta('ApiKey'),
                tenantId: grant.tenantId,
                role: grant.role,
                keyId: grant.keyId,
                issuedTo,
                createdAt,
              },
            },
          },
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...keys.apiKeyListing(grant.tenantId, grant.keyId),
                ...itemMeta('ApiKeyListing'),
                ...listing,
                keyHash,
              },
            },
          },
        ],
      }),
    );
  }

  async listApiKeys(tenantId: string): Promise<ApiKeyRecord[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.apiKeysPartition(tenantId) },
    });
    return items
      .map((item) =>
        ApiKeyRecordSchema.parse({ issuedTo: personOfUnnamedKey(String(item.keyId)), ...stripStorage(item) }),
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async revokeApiKey(
    tenantId: string,
    keyId: string,
    revokedAt: string,
    revokedBy: string,
  ): Promise<'revoked' | 'already-revoked' | 'not-found'> {
    const listing = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.apiKeyListing(tenantId, keyId), ConsistentRead: true }),
    );
    if (!listing.Item) return 'not-found';
    if (listing.Item.revokedAt) return 'already-revoked';
    const revoke = {
      UpdateExpression: 'SET revokedAt = :at, revokedBy = :by',
      ExpressionAttributeValues: { ':at': revokedAt, ':by': revokedBy },
    };
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: { TableName: this.tableName, Key: keys.apiKeyListing(tenantId, keyId), ...revoke } },
          {
            Update: {
              TableName: this.tableName,
              Key: keys.apiKey(String(listing.Item.keyHash), tenantId),
              ...revoke,
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
        ],
      }),
    );
    return 'revoked';
  }

  async listTenants(): Promise<Tenant[]> {
    const items = await queryIndexed(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.tenantsPartition() },
    });
    return items.map((item) => TenantSchema.parse(stripStorage(item)));
  }
}
