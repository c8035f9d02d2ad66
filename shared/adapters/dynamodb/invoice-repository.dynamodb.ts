// Invoices, their payments and charges in the invoice's partition; balance changes go through versioned transactions.
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { isCollectible } from '../../domain/invoice';
import type { InvoiceFact } from '../../domain/report-ledger';
import type {
  ApplyPaymentOutcome,
  ApplyReceiptOutcome,
  DateRange,
  InvoiceRepository,
  InvoiceWithPayments,
} from '../../ports/invoice-repository.port';
import type { PaymentReceipt } from '../../ports/webhook-events.port';
import { ChargeSchema, type Charge } from '../../schemas/delinquency.schema';
import {
  InvoiceSchema,
  PaymentSchema,
  RefundSchema,
  type Invoice,
  type Payment,
  type Refund,
} from '../../schemas/invoice.schema';
import { queryAll, transactionCancellationCodes } from './client';
import { queryIndexed, readIndexed } from './indexed-items';
import { DUE_DATE_SHARDS, itemMeta, keys, stripStorage } from './keys';
import { attributeChanges } from './changed-attributes';
import { DynamoReportLedger } from './report-ledger.dynamodb';
import type { TransactItem } from './report-items';
import { referenceItem } from './search-index.dynamodb';
import { transactGuarded, versionCondition } from './version-condition';
import { paymentReceiptItems } from './webhook-events.dynamodb';

export class DynamoInvoiceRepository implements InvoiceRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    readonly shardCount: number = DUE_DATE_SHARDS,
    /** What every balance change stores on the invoice for the report counters (counted from the table's stream). */
    private readonly reports: DynamoReportLedger = new DynamoReportLedger(client, tableName),
  ) {}

  async get(tenantId: string, invoiceId: string): Promise<InvoiceWithPayments | null> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.invoicePartition(tenantId, invoiceId) },
      ConsistentRead: true,
    });
    const invoiceItem = items.find((item) => item.type === 'Invoice');
    if (!invoiceItem) return null;
    this.reports.remember(tenantId, invoiceItem);
    return {
      invoice: InvoiceSchema.parse(stripStorage(invoiceItem)),
      payments: items.filter((item) => item.type === 'Payment').map((item) => PaymentSchema.parse(stripStorage(item))),
      charges: items.filter((item) => item.type === 'Charge').map((item) => ChargeSchema.parse(stripStorage(item))),
      refunds: items.filter((item) => item.type === 'Refund').map((item) => RefundSchema.parse(stripStorage(item))),
    };
  }

  async getForPayment(
    tenantId: string,
    invoiceId: string,
    paymentId: string,
  ): Promise<{ invoice: Invoice; payment: Payment | null } | null> {
    const found = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.invoice(tenantId, invoiceId), ConsistentRead: true }),
    );
    if (!found.Item) return null;
    this.reports.remember(tenantId, found.Item);
    const invoice = InvoiceSchema.parse(stripStorage(found.Item));
    // A void invoice refuses payments before any write: a repeat of one applied before it was voided is read here.
    return { invoice, payment: invoice.voided ? await this.getPayment(tenantId, invoiceId, paymentId) : null };
  }

  async listByCustomer(
    tenantId: string,
    customerId: string,
    options: { consistent?: boolean } = {},
  ): Promise<Invoice[]> {
    const items = await queryIndexed(
      this.client,
      {
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.customerPartition(tenantId, customerId), ':prefix': 'INVOICE#' },
      },
      { consistent: options.consistent === true },
    );
    return items.map((item) => InvoiceSchema.parse(stripStorage(item)));
  }

  async getPayment(tenantId: string, invoiceId: string, paymentId: string): Promise<Payment | null> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.payment(tenantId, invoiceId, paymentId),
        ConsistentRead: true,
      }),
    );
    return result.Item ? PaymentSchema.parse(stripStorage(result.Item)) : null;
  }

  async save(tenantId: string, invoice: Invoice, expectedVersion: number | null): Promise<boolean> {
    const report = await this.reports.invoiceWrite(tenantId, expectedVersion, invoice, { kind: 'replace' });
    if (report === 'moved') return false;
    // A new invoice's case reference is findable before the invoice is written (the same item each time, and no
    // personal data): a customer quoting it reaches the invoice even before its case opens.
    if (expectedVersion === null)
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: referenceItem(tenantId, invoice.id) }));
    // Alone (no case balance to move with it) it is a conditional put, at half a transaction's cost; either way a write
    // that someone else beat is refused and the caller reads again.
    return transactGuarded(this.client, [
      {
        Put: {
          TableName: this.tableName,
          Item: { ...this.invoiceItem(tenantId, invoice), ...report.attributes },
          ...versionCondition(expectedVersion),
        },
      },
      ...this.queueBalance(tenantId, invoice, report.owedBefore),
    ]);
  }

  applyPayment(
    tenantId: string,
    updated: Invoice,
    expectedVersion: number,
    payment: Payment,
    receipt?: PaymentReceipt,
  ): Promise<ApplyReceiptOutcome> {
    return this.writeWithInvoice(
      tenantId,
      updated,
      expectedVersion,
      {
        ...keys.payment(tenantId, payment.invoiceId, payment.id),
        ...itemMeta('Payment'),
        ...payment,
      },
      { kind: 'payment', applied: payment.appliedAmount, adjustment: payment.source === 'adjustment' },
      receipt
        ? paymentReceiptItems(this.tableName, tenantId, receipt, {
            invoiceId: payment.invoiceId,
            paymentId: payment.id,
          })
        : [],
    );
  }

  applyRefund(
    tenantId: string,
    updated: Invoice,
    expectedVersion: number,
    refund: Refund,
  ): Promise<ApplyPaymentOutcome> {
    return this.writeWithInvoice(
      tenantId,
      updated,
      expectedVersion,
      {
        ...keys.refund(tenantId, refund.invoiceId, refund.id),
        ...itemMeta('Refund'),
        ...refund,
      },
      { kind: 'refund', reversedApplied: refund.reversedApplied },
      // Without a receipt only the plain outcomes can come back.
    ) as Promise<ApplyPaymentOutcome>;
  }

  addCharge(tenantId: string, updated: Invoice, expectedVersion: number, charge: Charge): Promise<ApplyPaymentOutcome> {
    return this.writeWithInvoice(
      tenantId,
      updated,
      expectedVersion,
      {
        ...keys.charge(tenantId, charge.invoiceId, charge.id),
        ...itemMeta('Charge'),
        ...charge,
      },
      { kind: 'charge', amount: charge.amount },
    ) as Promise<ApplyPaymentOutcome>;
  }

  /**
   * One transaction: a new item that must not exist yet, the invoice over the version it was read at (carrying the
   * fact the stream consumer counts, so a refused duplicate counts nothing), a provider payment's receipt (its link,
   * with the event's record, third) and the work queue's balance when the invoice is in collection.
   */
  private async writeWithInvoice(
    tenantId: string,
    updated: Invoice,
    expectedVersion: number,
    item: Record<string, unknown>,
    fact: InvoiceFact,
    receiptItems: TransactItem[] = [],
  ): Promise<ApplyReceiptOutcome> {
    const report = await this.reports.invoiceWrite(tenantId, expectedVersion, updated, fact);
    if (report === 'moved') return 'version_moved';
    const newItem = { ...this.invoiceItem(tenantId, updated), ...report.attributes };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            this.invoiceOver(tenantId, newItem, expectedVersion),
            { Put: { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
            ...receiptItems,
            ...this.queueBalance(tenantId, updated, report.owedBefore),
          ],
        }),
      );
      return 'applied';
    } catch (error) {
      const codes = transactionCancellationCodes(error);
      if (codes === null) throw error;
      if (codes[1] === 'ConditionalCheckFailed') return 'duplicate';
      if (receiptItems.length > 0 && codes[2] === 'ConditionalCheckFailed') return 'refunds_waiting';
      // A moved version or a transaction racing ours on the same invoice: the caller re-reads and tries again.
      if (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')) return 'version_moved';
      throw error;
    }
  }

  /**
   * The invoice's write over the version read: an update of what changed when this container read that version (the
   * usual case: the write follows its read), else the whole item.
   */
  private invoiceOver(tenantId: string, item: Record<string, unknown>, expectedVersion: number): TransactItem {
    const guard = versionCondition(expectedVersion);
    const before = this.reports.readAt(tenantId, String(item.id), expectedVersion);
    const changes = before && attributeChanges(before, item);
    if (!changes) return { Put: { TableName: this.tableName, Item: item, ...guard } };
    return {
      Update: {
        TableName: this.tableName,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: changes.UpdateExpression,
        ConditionExpression: guard.ConditionExpression,
        ExpressionAttributeNames: { ...guard.ExpressionAttributeNames, ...changes.ExpressionAttributeNames },
        ExpressionAttributeValues: { ...guard.ExpressionAttributeValues, ...changes.ExpressionAttributeValues },
      },
    };
  }

  /**
   * The balance the work queue shows lives on the delinquency: the write that changes what the invoice owes moves it
   * by as much, in the same transaction. Added, not set, so the interest it carries (not stored on the invoice) stays.
   */
  private queueBalance(tenantId: string, updated: Invoice, owedBefore: number | null): TransactItem[] {
    const change = owedBefore === null ? 0 : updated.amount + updated.feesTotal - updated.paidTotal - owedBefore;
    if (updated.delinquencyId === null || change === 0) return [];
    return [
      {
        Update: {
          TableName: this.tableName,
          Key: keys.delinquency(tenantId, updated.delinquencyId),
          UpdateExpression: 'ADD #balance :change',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#balance': 'balance' },
          ExpressionAttributeValues: { ':change': change },
        },
      },
    ];
  }

  async listForRun(
    tenantId: string,
    dates: readonly DateRange[],
    shard: number,
    cursor?: Record<string, unknown>,
  ): Promise<{ invoices: Invoice[]; cursor?: Record<string, unknown> }> {
    if (dates.length === 0) return { invoices: [] };
    // One query over the span, not one per range: the index holds keys, so the entries dated between the ranges are
    // dropped by their sort key before any item is read.
    const range = keys.dueDateRange(dates[0]!.from, dates.at(-1)!.to);
    const ranges = dates.map((dateRange) => keys.dueDateRange(dateRange.from, dateRange.to));
    const wanted = (entry: Record<string, unknown>) =>
      ranges.some(({ from, to }) => String(entry.gsi2sk) >= from && String(entry.gsi2sk) <= to);
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': keys.dueDatePartition(tenantId, shard),
          ':from': range.from,
          ':to': range.to,
        },
        ExclusiveStartKey: cursor,
        Limit: 200,
      }),
    );
    const invoices = await readIndexed(this.client, this.tableName, (page.Items ?? []).filter(wanted), 'gsi2');
    return {
      invoices: invoices.map((item) => InvoiceSchema.parse(stripStorage(item))),
      ...(page.LastEvaluatedKey ? { cursor: page.LastEvaluatedKey } : {}),
    };
  }

  async markStarted(tenantId: string, invoiceId: string, delinquencyId: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.invoice(tenantId, invoiceId),
          // The version stays: a writer that read the invoice before this can only put the mark back, which costs one
          // more start call ('exists'), never a lost one.
          UpdateExpression: 'REMOVE awaitingStart, gsi2pk, gsi2sk',
          ConditionExpression: 'delinquencyId = :delinquencyId',
          ExpressionAttributeValues: { ':delinquencyId': delinquencyId },
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  async notePreDueDone(tenantId: string, invoiceId: string, stepIds: readonly string[]): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.invoice(tenantId, invoiceId),
          // The version stays (nothing a partner or a report sees changed): a writer that read the invoice before this
          // puts it back without the note, which costs the next run one full look, never a reminder.
          UpdateExpression: 'SET preDueDone = :done',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':done': [...stepIds] },
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  /**
   * The stored item: the entity plus its keys; only collectible invoices not yet in collection (or whose execution is
   * not started) are in the run's index. Public so a benchmark seeds exactly the items the repository writes.
   */
  invoiceItem(tenantId: string, invoice: Invoice): Record<string, unknown> {
    return {
      ...keys.invoice(tenantId, invoice.id),
      ...keys.invoiceByCustomer(tenantId, invoice.customerId, invoice.dueDate, invoice.id),
      ...(isCollectible(invoice) && (invoice.delinquencyId === null || invoice.awaitingStart === true)
        ? keys.invoiceByDueDate(tenantId, invoice.scanDate, invoice.id, this.shardCount)
        : {}),
      ...itemMeta('Invoice'),
      ...invoice,
    };
  }
}
