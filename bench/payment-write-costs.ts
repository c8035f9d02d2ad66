// Where a webhook payment's cost over the baseline goes, measured on DynamoDB Local with the repositories' own writes:
// the baseline's read and transaction, then a payment as the engine stores it (the invoice's read and the invoice and
// payment in one transaction), then with the provider payment's link in that transaction (what refunds are matched
// through, carrying the event's record), then with the customer and credit state read (what the hold's review needs).
// Each step adds one piece to the one before, so the differences are the pieces' prices. Called by bench/webhooks.ts.
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCreditRepository } from '../shared/adapters/dynamodb/credit-repository.dynamodb';
import { DynamoInvoiceRepository } from '../shared/adapters/dynamodb/invoice-repository.dynamodb';
import { keys } from '../shared/adapters/dynamodb/keys';
import type { Payment } from '../shared/schemas/invoice.schema';
import { cpuMs } from './processes';

/**
 * The baseline's one transaction: the event's record (refused if it exists: a replay) and the invoice's new paid total
 * over the version read (refused if another write came between).
 */
export const baselineTransaction = (
  tableName: string,
  write: {
    eventKey: { pk: string; sk: string };
    invoiceKey: { pk: string; sk: string };
    paidAttribute: string;
    invoiceId: string;
    amount: number;
    version: number;
  },
) => ({
  TransactItems: [
    {
      Put: {
        TableName: tableName,
        Item: { ...write.eventKey, invoiceId: write.invoiceId, amount: write.amount },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: write.invoiceKey,
        UpdateExpression: `SET ${write.paidAttribute} = ${write.paidAttribute} + :amount, version = :next`,
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':amount': write.amount, ':next': write.version + 1, ':version': write.version },
      },
    },
  ],
});

/** The steps, each one adding a piece to the step before it. */
export const PAYMENT_WRITE_STEPS = [
  'baseline: read the invoice, one transaction of the event record and the paid total',
  'a payment as stored: read the invoice, one transaction of the invoice and the payment',
  '+ the provider payment link with the event record, in the same transaction',
  '+ the customer and its credit state read',
] as const;

export interface PaymentWriteCost {
  step: (typeof PAYMENT_WRITE_STEPS)[number];
  /** CPU per payment in this process (SDK, the report stream's consumer) and in DynamoDB Local. */
  thisProcessMs: number;
  dynamoDbLocalMs: number | null;
}

interface Setting {
  client: DynamoDBDocumentClient;
  tableName: string;
  tenantId: string;
  customerId: string;
  /** One invoice per writer, so no write waits on another's: the pieces are priced, not the contention. */
  invoiceIds: (step: number) => string[];
  javaPid: number | null;
  drainTableStream: () => Promise<void>;
}

/** Measures each step over `payments` payments after `warmUp`, the steps taking `rounds` turns. */
export const measurePaymentWriteCosts = async (
  setting: Setting,
  { payments, warmUp, rounds }: { payments: number; warmUp: number; rounds: number },
): Promise<PaymentWriteCost[]> => {
  const { client, tableName, tenantId, customerId } = setting;
  const invoices = new DynamoInvoiceRepository(client, tableName);
  const credit = new DynamoCreditRepository(client, tableName);
  let sequence = 0;

  const baseline = async (invoiceId: string) => {
    const key = keys.invoice(tenantId, invoiceId);
    const read = await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    await client.send(
      new TransactWriteCommand(
        baselineTransaction(tableName, {
          eventKey: { pk: `BASELINE#costs#${(sequence += 1)}`, sk: 'EVENT' },
          invoiceKey: key,
          paidAttribute: 'paidTotal',
          invoiceId,
          amount: 1_000,
          version: Number(read.Item!.version),
        }),
      ),
    );
  };

  /** The engine's payment write through the invoice repository; with the link when `linked`. */
  const stored = async (invoiceId: string, linked: boolean, readCustomer: boolean) => {
    sequence += 1;
    const paymentId = `pay_costs_${sequence}`;
    const found = await invoices.getForPayment(tenantId, invoiceId, paymentId);
    if (readCustomer) await credit.getWithCustomer(tenantId, customerId);
    if (!found) throw new Error(`no invoice ${invoiceId} for a cost step`);
    const { invoice } = found;
    const now = '2026-12-01T08:00:00.000Z';
    const payment: Payment = {
      id: paymentId,
      invoiceId,
      customerId,
      amount: 1_000,
      currency: invoice.currency,
      paidAt: now,
      recordedAt: now,
      reference: `pi_costs_${sequence}`,
      source: 'stripe',
      recordedBy: 'provider:stripe',
      appliedAmount: 1_000,
      unappliedAmount: 0,
    };
    const outcome = await invoices.applyPayment(
      tenantId,
      { ...invoice, paidTotal: invoice.paidTotal + 1_000, updatedAt: now, version: invoice.version + 1 },
      invoice.version,
      payment,
      linked
        ? {
            provider: 'stripe',
            providerPaymentId: `pi_costs_${sequence}`,
            waitingKnown: false,
            event: {
              provider: 'stripe',
              eventId: `evt_costs_${sequence}`,
              type: 'payment_intent.succeeded',
              receivedAt: now,
              status: 'applied',
              detail: `applied: payment ${paymentId} of 1000 ${invoice.currency} to invoice ${invoiceId}`,
              finishedAt: now,
            },
          }
        : undefined,
    );
    if (outcome !== 'applied') throw new Error(`a cost step's payment was ${outcome}`);
  };

  const steps: ((invoiceId: string) => Promise<void>)[] = [
    baseline,
    (invoiceId) => stored(invoiceId, false, false),
    (invoiceId) => stored(invoiceId, true, false),
    (invoiceId) => stored(invoiceId, true, true),
  ];
  const totals = steps.map(() => ({ node: 0, java: 0 }));

  /** `count` payments of one step, a writer per invoice; CPU counted until the stream's consumer has them all. */
  const run = async (step: number, count: number) => {
    const ids = setting.invoiceIds(step);
    const nodeBefore = process.cpuUsage();
    const javaBefore = setting.javaPid === null ? null : cpuMs(setting.javaPid);
    await Promise.all(
      ids.map(async (invoiceId, writer) => {
        for (let n = writer; n < count; n += ids.length) await steps[step]!(invoiceId);
      }),
    );
    await setting.drainTableStream();
    const node = process.cpuUsage(nodeBefore);
    const javaAfter = setting.javaPid === null ? null : cpuMs(setting.javaPid);
    return { node: (node.user + node.system) / 1000, java: (javaAfter ?? 0) - (javaBefore ?? 0) };
  };

  for (let step = 0; step < steps.length; step += 1) await run(step, warmUp);
  for (let round = 0; round < rounds; round += 1) {
    // Each round starts at another step: whichever runs after a collection or a compilation is not always the same.
    for (let turn = 0; turn < steps.length; turn += 1) {
      const step = (round + turn) % steps.length;
      const spent = await run(step, Math.round(payments / rounds));
      totals[step]!.node += spent.node;
      totals[step]!.java += spent.java;
    }
  }
  const measured = Math.round(payments / rounds) * rounds;
  const perPayment = (ms: number) => Math.round((ms / measured) * 100) / 100;
  return PAYMENT_WRITE_STEPS.map((step, index) => ({
    step,
    thisProcessMs: perPayment(totals[index]!.node),
    dynamoDbLocalMs: setting.javaPid === null ? null : perPayment(totals[index]!.java),
  }));
};
