// Unsubscribe tokens: a random token per customer address, stored both ways so links resolve and tokens are reused.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UnsubscribeTarget, UnsubscribeTokens } from '../../ports/unsubscribe-tokens.port';
import { keys } from './keys';
import { resolveToken, tokenFor } from './two-way-tokens';

export class DynamoUnsubscribeTokens implements UnsubscribeTokens {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  tokenFor(target: UnsubscribeTarget): Promise<string> {
    return tokenFor(this.client, this.tableName, {
      owner: keys.customerToken(target.tenantId, target.customerId, target.channel, target.address),
      ownerType: 'CustomerToken',
      link: (token) => keys.unsubscribeToken(token, target.tenantId),
      linkType: 'UnsubscribeToken',
      target: { ...target },
    });
  }

  async resolve(token: string): Promise<UnsubscribeTarget | null> {
    const item = await resolveToken(this.client, this.tableName, token, keys.unsubscribePartition);
    if (!item) return null;
    return {
      tenantId: String(item.tenantId),
      customerId: String(item.customerId),
      channel: item.channel as UnsubscribeTarget['channel'],
      address: String(item.address),
    };
  }
}
