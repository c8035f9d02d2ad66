// A queue page's customers and invoices in one BatchGetItem (two for pages over 50 items), only the attributes it needs.
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { invoiceBalance } from '../../domain/invoice';
import type { QueueCustomer, QueueDetails, QueueInvoice } from '../../ports/queue-details.port';
import { keys } from './keys';

/** A customer's name and zone; an invoice's due date and what says whether it is settled. */
const PROJECTION = [
  'type',
  'id',
  'name',
  'timeZone',
  'dueDate',
  'amount',
  'feesTotal',
  'paidTotal',
  'voided',
  'writtenOff',
  'updatedAt',
] as const;

/** BatchGetItem's own limit of keys per request. */
const KEYS_PER_BATCH = 100;
/** Unprocessed keys are asked for again this many times (throttling), then the page shows them as gone. */
const RETRIES = 5;

export class DynamoQueueDetails implements QueueDetails {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(tenantId: string, customerIds: readonly string[], invoiceIds: readonly string[]) {
    const wanted = [
      ...[...new Set(customerIds)].map((id) => keys.customer(tenantId, id)),
      ...[...new Set(invoiceIds)].map((id) => keys.invoice(tenantId, id)),
    ];
    const batches: (typeof wanted)[] = [];
    for (let at = 0; at < wanted.length; at += KEYS_PER_BATCH) batches.push(wanted.slice(at, at + KEYS_PER_BATCH));
    const found = (await Promise.all(batches.map((batch) => this.batch(batch)))).flat();
    const customers = new Map<string, QueueCustomer>();
    const invoices = new Map<string, QueueInvoice>();
    for (const item of found) {
      if (item.type === 'Customer' && typeof item.name === 'string')
        customers.set(String(item.id), { name: item.name, timeZone: String(item.timeZone ?? 'UTC') });
      else if (item.type === 'Invoice' && typeof item.dueDate === 'string')
        invoices.set(String(item.id), {
          dueDate: item.dueDate,
          settled:
            item.voided === true ||
            item.writtenOff === true ||
            invoiceBalance({
              amount: Number(item.amount ?? 0),
              feesTotal: Number(item.feesTotal ?? 0),
              paidTotal: Number(item.paidTotal ?? 0),
            }) === 0,
          updatedAt: String(item.updatedAt ?? ''),
        });
    }
    return { customers, invoices };
  }

  private async batch(batchKeys: readonly { pk: string; sk: string }[]): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let pending: Record<string, unknown>[] = batchKeys.map((key) => ({ ...key }));
    for (let attempt = 0; pending.length > 0 && attempt <= RETRIES; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      const result = await this.client.send(
        new BatchGetCommand({
          RequestItems: {
            [this.tableName]: {
              Keys: pending,
              ProjectionExpression: PROJECTION.map((_, at) => `#a${at}`).join(', '),
              ExpressionAttributeNames: Object.fromEntries(PROJECTION.map((name, at) => [`#a${at}`, name])),
            },
          },
        }),
      );
      items.push(...(result.Responses?.[this.tableName] ?? []));
      pending = (result.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    }
    return items;
  }
}
