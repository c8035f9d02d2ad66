// Tenants and API key hashes in the single table.
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ApiKeyRecordSchema, type ApiKeyRecord } from '../../schemas/api-key.schema';
import {
  personOfUnnamedKey,
  type ResolvedKeyGrant,
  type StoredKeyGrant,
  type TenantDirectory,
} from '../../ports/tenant-directory.port';
import { TenantSchema, ApiKeyRoleSchema, type Tenant } from '../../schemas/tenant.schema';
import { TenantChangeSchema, type TenantChange } from '../../schemas/tenant-history.schema';
import { queryAll } from './client';
import { queryIndexed } from './indexed-items';
import { itemMeta, keys, stripStorage } from './keys';
import { newestFirstPage } from './page-cursor';
import { transactGuarded } from './version-condition';

export class DynamoTenantDirectory implements TenantDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async resolveApiKey(keyHash: string): Promise<ResolvedKeyGrant | null> {
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

  async getTenant(tenantId: string, options: { consistent?: boolean } = {}): Promise<Tenant | null> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.tenant(tenantId),
        ...(options.consistent ? { ConsistentRead: true } : {}),
      }),
    );
    return result.Item ? TenantSchema.parse(stripStorage(result.Item)) : null;
  }

  async putTenant(tenant: Tenant): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: this.tenantItem(tenant) }));
  }

  async saveScoreModel(tenantId: string, model: NonNullable<Tenant['scoreModel']>): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.tenant(tenantId),
          UpdateExpression: 'SET scoreModel = :model',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':model': model },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async saveTenantSettings(tenant: Tenant, readVersion: number | null, change: TenantChange): Promise<boolean> {
    return transactGuarded(this.client, [
      {
        Put: {
          TableName: this.tableName,
          Item: this.tenantItem(tenant),
          // The item must still be there, at the version the change was made over.
          ConditionExpression:
            readVersion === null
              ? 'attribute_exists(pk) AND attribute_not_exists(#version)'
              : 'attribute_exists(pk) AND #version = :read',
          ExpressionAttributeNames: { '#version': 'version' },
          ...(readVersion === null ? {} : { ExpressionAttributeValues: { ':read': readVersion } }),
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.tenantChange(tenant.id, change.version), ...itemMeta('TenantChange'), ...change },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
  }

  listTenantHistory(
    tenantId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: TenantChange[]; nextCursor: string | null }> {
    return newestFirstPage(
      this.client,
      { tableName: this.tableName, partition: keys.tenantHistoryPartition(tenantId), limit, cursor },
      (item) => TenantChangeSchema.parse(stripStorage(item)),
    );
  }

  private tenantItem(tenant: Tenant): Record<string, unknown> {
    return { ...keys.tenant(tenant.id), ...keys.tenantListing(tenant.id), ...itemMeta('Tenant'), ...tenant };
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
