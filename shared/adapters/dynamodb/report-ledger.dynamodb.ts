// Keeps the report counters in step with the facts. An invoice write stores on the invoice what the counters need (the
// dimensions it is counted under and the fact of the write, see report-fact.schema.ts): the table's stream consumer
// counts it after the write (report-stream.dynamodb.ts), so a payment's transaction holds no shared counter cell. A
// promise decision puts counter cells of its own in the decision's transaction (no contention: one cell per decision).
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  cellsInEveryFamily,
  promiseFlows,
  reportDims,
  REPORT_DIMENSIONS,
  type InvoiceFact,
  type InvoiceStanding,
  type ReportDims,
} from '../../domain/report-ledger';
import type { Invoice } from '../../schemas/invoice.schema';
import type { ReportFact } from '../../schemas/report-fact.schema';
import { readIndexed } from './indexed-items';
import { keys } from './keys';
import { cellItem, reportDay, reportShard, tenantZone, type TransactItem } from './report-items';

/** The stored invoice as the counters last saw it; `dims` is null for an invoice written before counters existed. */
export interface StoredInvoice {
  standing: InvoiceStanding;
  customerId: string;
  delinquencyId: string | null;
  version: number;
  dims: ReportDims | null;
}

export const isDims = (value: unknown): value is ReportDims =>
  typeof value === 'object' &&
  value !== null &&
  REPORT_DIMENSIONS.every((family) => typeof (value as Record<string, unknown>)[family] === 'string');

export const storedOf = (item: Record<string, unknown>): StoredInvoice => ({
  standing: {
    amount: Number(item.amount),
    currency: String(item.currency),
    issuedAt: String(item.issuedAt),
    dueDate: String(item.dueDate),
    voided: item.voided === true,
    writtenOff: item.writtenOff === true,
    paidTotal: Number(item.paidTotal),
    feesTotal: Number(item.feesTotal),
  },
  customerId: String(item.customerId),
  delinquencyId: typeof item.delinquencyId === 'string' ? item.delinquencyId : null,
  version: Number(item.version),
  dims: isDims(item.reportDims) ? item.reportDims : null,
});

/** What an invoice write adds: the attributes the invoice item carries for the stream consumer to count it. */
export interface InvoiceReportWrite {
  attributes: { reportDims: ReportDims; reportFact: ReportFact };
  /** The stored invoice's amount + fees − paid (null for a new invoice): the start of the balance change. */
  owedBefore: number | null;
}

/** How many invoices read by `get` are remembered, so the write that follows needs no second read. */
const REMEMBERED = 500;
const MOVE_ATTEMPTS = 20;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class DynamoReportLedger {
  private readonly remembered = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Remembers an invoice item just read (the state a write over its version starts from). */
  remember(tenantId: string, item: Record<string, unknown>): void {
    const id = `${tenantId}\u0000${String(item.id)}`;
    this.remembered.delete(id);
    this.remembered.set(id, item);
    if (this.remembered.size > REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
  }

  /** The invoice item as this container last read it, when that was at `version` (what a write over it changes). */
  readAt(tenantId: string, invoiceId: string, version: number): Record<string, unknown> | undefined {
    const cached = this.remembered.get(`${tenantId}\u0000${invoiceId}`);
    return cached && Number(cached.version) === version ? cached : undefined;
  }

  /** The stored invoice at `version`, or 'moved' when the stored one is at another version (the write would fail). */
  private async stored(tenantId: string, invoiceId: string, version: number): Promise<StoredInvoice | 'moved'> {
    const cached = this.readAt(tenantId, invoiceId, version);
    if (cached) return storedOf(cached);
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.invoice(tenantId, invoiceId), ConsistentRead: true }),
    );
    if (!result.Item || Number(result.Item.version) !== version) return 'moved';
    return storedOf(result.Item);
  }

  private async currentDims(tenantId: string, customerId: string, delinquencyId: string | null): Promise<ReportDims> {
    const [customer, delinquency] = await Promise.all([
      this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: keys.customer(tenantId, customerId),
          ProjectionExpression: '#segment, #country',
          ExpressionAttributeNames: { '#segment': 'segment', '#country': 'country' },
        }),
      ),
      delinquencyId === null
        ? Promise.resolve(null)
        : this.client.send(
            new GetCommand({
              TableName: this.tableName,
              Key: keys.delinquency(tenantId, delinquencyId),
              ProjectionExpression: '#assignee',
              ExpressionAttributeNames: { '#assignee': 'assigneeId' },
            }),
          ),
    ]);
    const assignee = delinquency?.Item?.assigneeId;
    return reportDims(customer.Item ?? null, typeof assignee === 'string' ? assignee : null);
  }

  /**
   * The report attributes of writing `updated` over `expectedVersion` (null: a new invoice). 'moved' when the stored
   * invoice is no longer at that version: the write would be refused anyway, and the caller reads again.
   */
  async invoiceWrite(
    tenantId: string,
    expectedVersion: number | null,
    updated: Invoice,
    fact: InvoiceFact,
  ): Promise<InvoiceReportWrite | 'moved'> {
    const before = expectedVersion === null ? null : await this.stored(tenantId, updated.id, expectedVersion);
    if (before === 'moved') return 'moved';
    // An invoice keeps the dimensions it is counted under; they move only when the customer or the assignee changes.
    const dims =
      before?.dims && before.customerId === updated.customerId
        ? before.dims
        : await this.currentDims(tenantId, updated.customerId, updated.delinquencyId);
    return {
      attributes: {
        reportDims: dims,
        reportFact: { ...fact, tenantId, at: updated.updatedAt, version: updated.version },
      },
      owedBefore: before ? before.standing.amount + before.standing.feesTotal - before.standing.paidTotal : null,
    };
  }

  /** The counter items of a promise decision (kept, partly kept or broken): one put per family, for the decision's transaction. */
  async promiseDecision(
    tenantId: string,
    delinquency: { invoiceId: string; customerId: string; assigneeId?: string | null },
    promise: {
      id: string;
      status: string;
      amount: number;
      currency: string;
      paidTowards: number | null;
      decidedAt: string | null;
    },
  ): Promise<TransactItem[]> {
    const flows = promiseFlows(promise);
    if (Object.keys(flows).length === 0 || promise.decidedAt === null) return [];
    const invoice = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.invoice(tenantId, delinquency.invoiceId),
        ProjectionExpression: '#dims',
        ExpressionAttributeNames: { '#dims': 'reportDims' },
      }),
    );
    const dims = isDims(invoice.Item?.reportDims)
      ? invoice.Item.reportDims
      : await this.currentDims(tenantId, delinquency.customerId, null).then((found) => ({
          ...found,
          collector: delinquency.assigneeId ?? found.collector,
        }));
    const day = reportDay(promise.decidedAt, await tenantZone(this.client, this.tableName, tenantId));
    const shard = reportShard(delinquency.invoiceId);
    return cellsInEveryFamily(dims, promise.currency, flows).map((cell) => ({
      Put: { TableName: this.tableName, Item: cellItem(tenantId, shard, day, cell, promise.id) },
    }));
  }

  /**
   * Moves an invoice's counters to new dimension values (a reassignment, a customer's new segment or country): the
   * invoice's next version carries the new dimensions and a fact that moves nothing else, counted at `at` by the stream
   * consumer (its levels leave the old cells and enter the new ones). Retried while other writes move the invoice.
   */
  async moveDimensions(tenantId: string, invoiceId: string, change: Partial<ReportDims>, at: string): Promise<void> {
    for (let attempt = 0; attempt < MOVE_ATTEMPTS; attempt += 1) {
      const result = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: keys.invoice(tenantId, invoiceId), ConsistentRead: true }),
      );
      if (!result.Item) return;
      const stored = storedOf(result.Item);
      // Not counted yet (written before counters existed): its first write counts it under the dimensions of then.
      if (!stored.dims) return;
      const dims: ReportDims = { ...stored.dims, ...change };
      if (REPORT_DIMENSIONS.every((family) => dims[family] === stored.dims![family])) return;
      const fact: ReportFact = { kind: 'replace', tenantId, at, version: stored.version + 1 };
      try {
        await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.invoice(tenantId, invoiceId),
            UpdateExpression: 'SET reportDims = :dims, reportFact = :fact, #version = #version + :one',
            ConditionExpression: '#version = :version',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':dims': dims, ':fact': fact, ':one': 1, ':version': stored.version },
          }),
        );
        return;
      } catch (error) {
        const name = (error as Error).name;
        if (name !== 'ConditionalCheckFailedException' && name !== 'TransactionConflictException') throw error;
        await pause(Math.random() * Math.min(200, 5 * 2 ** attempt));
      }
    }
    throw new Error(`the report dimensions of invoice ${invoiceId} kept changing under concurrent writes`);
  }

  /** After a customer is saved: its invoices counted under another segment or country move to the new ones. */
  async followCustomer(
    tenantId: string,
    customer: { id: string; segment?: string | undefined; country?: string | undefined; updatedAt: string },
  ): Promise<void> {
    const { segment, country } = reportDims(customer, null);
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.customerPartition(tenantId, customer.id), ':prefix': 'INVOICE#' },
          ExclusiveStartKey: startKey,
        }),
      );
      const invoices = await readIndexed(this.client, this.tableName, page.Items ?? [], 'gsi1', {
        attributes: ['id', 'reportDims'],
      });
      for (const item of invoices) {
        const dims = item.reportDims;
        if (isDims(dims) && (dims.segment !== segment || dims.country !== country)) {
          await this.moveDimensions(tenantId, String(item.id), { segment, country }, customer.updatedAt);
        }
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
}
