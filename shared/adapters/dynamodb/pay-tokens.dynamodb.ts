// Pay-link tokens: a random token per invoice, stored both ways so links resolve and every reminder reuses the same link.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PayTarget, PayTokens } from '../../ports/pay-tokens.port';
import { keys } from './keys';
import { resolveToken, tokenFor } from './two-way-tokens';

export class DynamoPayTokens implements PayTokens {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  tokenFor(target: PayTarget): Promise<string> {
    return tokenFor(this.client, this.tableName, {
      owner: keys.invoicePayToken(target.tenantId, target.invoiceId),
      ownerType: 'InvoicePayToken',
      link: (token) => keys.payToken(token, target.tenantId),
      linkType: 'PayToken',
      target: { ...target },
    });
  }

  async resolve(token: string): Promise<PayTarget | null> {
    const item = await resolveToken(this.client, this.tableName, token, keys.payTokenPartition);
    return item
      ? { tenantId: String(item.tenantId), invoiceId: String(item.invoiceId), customerId: String(item.customerId) }
      : null;
  }
}
