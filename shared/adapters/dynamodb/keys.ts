// Every storage key of the single table is built here and nowhere else; the table below is the map of the data.
//
// Item types (pk / sk; index keys where the item is indexed). {t} is the tenant id, present in every key.
//
// | item               | pk                                  | sk                              | indexes                                                    |
// |--------------------|-------------------------------------|---------------------------------|------------------------------------------------------------|
// | Tenant             | TENANT#{t}                          | TENANT                          | gsi1: TENANTS / TENANT#{t} (list tenants for the run)      |
// | ApiKey             | APIKEY#{sha256(key)}                | TENANT#{t}                      |                                                            |
// | Customer           | TENANT#{t}#CUSTOMER#{c}             | CUSTOMER                        |                                                            |
// | OptOut             | TENANT#{t}#CUSTOMER#{c}             | OPTOUT#{channel}#{address}      |                                                            |
// | Invoice            | TENANT#{t}#INVOICE#{i}              | INVOICE                         | gsi1: TENANT#{t}#CUSTOMER#{c} / INVOICE#{dueDate}#{i}      |
// |                    |                                     |                                 | gsi2 (open, not yet in collection): TENANT#{t}#DUE#{scanDate}#{shard} / {i} |
// | Payment            | TENANT#{t}#INVOICE#{i}              | PAYMENT#{paymentId}             |                                                            |
// | Charge             | TENANT#{t}#INVOICE#{i}              | CHARGE#{chargeId}               |                                                            |
// | Refund             | TENANT#{t}#INVOICE#{i}              | REFUND#{refundId}               | (refunds and chargebacks against a payment)                |
// | ProviderPayment    | TENANT#{t}#PROVIDER#{p}#{paymentId} | PAYMENT                         | (the provider's payment id -> invoice and payment)         |
// | WaitingReversal    | TENANT#{t}#PROVIDER#{p}#{paymentId} | WAITING#{eventId}               | (a refund that arrived before its payment)                 |
// | PaymentPromise     | TENANT#{t}#DELINQUENCY#{d}          | PROMISE#{promiseId}             |                                                            |
// | PaymentPlan        | TENANT#{t}#DELINQUENCY#{d}          | PLAN#{planId}                   |                                                            |
// | Dispute            | TENANT#{t}#DELINQUENCY#{d}          | DISPUTE#{disputeId}             | gsi1: TENANT#{t}#DISPUTES / {openedAt}#{disputeId}          |
// | DisputePointer     | TENANT#{t}#DISPUTE#{disputeId}      | DISPUTE                         | (a dispute id -> its delinquency, for /v1/disputes/{id})    |
// | Delinquency        | TENANT#{t}#DELINQUENCY#{d}          | DELINQUENCY                     | gsi1: TENANT#{t}#CUSTOMER#{c} / DELINQUENCY#{openedAt}#{d}  |
// |                    |                                     |                                 | gsi3 (active only): TENANT#{t}#QUEUE#{status} / {priority}#{d} |
// | TimelineEntry      | TENANT#{t}#DELINQUENCY#{d}          | TIMELINE#{at}#{entryId}         |                                                            |
// | StepClaim          | TENANT#{t}#DELINQUENCY#{d}          | CLAIM#{SEND|FEE|STEP}#{stepId}[#{channel}] |                                                 |
// | Letter             | TENANT#{t}#DELINQUENCY#{d}          | LETTER#{stepId}                 |                                                            |
// | CollectorTask      | TENANT#{t}#DELINQUENCY#{d}          | TASK#{stepId}                   | gsi3 (open only): TENANT#{t}#TASKS#open / {dueAt}#{taskId}  |
// | UnsubscribeToken   | UNSUBSCRIBE#{token}                 | TENANT#{t}                      | (public link; resolves to customer, channel, address)      |
// | PayToken           | PAY#{token}                         | TENANT#{t}                      | (public pay link; resolves to tenant, invoice, customer)   |
// | InvoicePayToken    | TENANT#{t}#INVOICE#{i}              | PAYTOKEN                        | (the invoice's pay-link token)                             |
// | CustomerToken      | TENANT#{t}#CUSTOMER#{c}             | TOKEN#{channel}#{address}       | (the customer's unsubscribe token for that address)        |
// | PreDueClaim        | TENANT#{t}#INVOICE#{i}              | CLAIM#SEND#{stepId}#{channel}   | (reminders sent before any delinquency exists)             |
// | Strategy           | TENANT#{t}#STRATEGY                 | STRATEGY#{strategyId}           |                                                            |
// | IdempotencyRecord  | TENANT#{t}#IDEMPOTENCY#{keyHash}    | IDEMPOTENCY                     | TTL: expiresAt                                             |
// | WebhookEvent       | TENANT#{t}#WEBHOOK#{provider}#{id}  | WEBHOOK                         | TTL: expiresAt                                             |
//
// Access patterns:
// - resolve an API key to its tenant: Query pk = APIKEY#{hash} (one item; only the hash is stored)
// - list tenants (scheduled run): Query gsi1 pk = TENANTS
// - a customer with opt-outs: Query pk = TENANT#{t}#CUSTOMER#{c}
// - an invoice with its payments and charges: Query pk = TENANT#{t}#INVOICE#{i}
// - a customer's invoices and delinquencies (the case): Query gsi1 pk = TENANT#{t}#CUSTOMER#{c}, sk begins_with
//   INVOICE# or DELINQUENCY#
// - open invoices not yet in collection, by due date: Query gsi2 pk = TENANT#{t}#DUE#{date}#{shard} for every shard,
//   page by page. An invoice leaves this index when its delinquency opens, so the hourly run reads only what it must.
//   Sharding spreads a million invoices due on one day over DUE_DATE_SHARDS partitions so a run never hammers one.
// - work queue: Query gsi3 pk = TENANT#{t}#QUEUE#{status}, highest priority first (sk sorts descending priority)
// - collectors' open tasks (calls to make): Query gsi3 pk = TENANT#{t}#TASKS#open, oldest due first, page by page
// - a delinquency's timeline: Query pk = TENANT#{t}#DELINQUENCY#{d}, sk begins_with TIMELINE#
// - has this step been sent / charged / skipped: conditional Put of CLAIM# items; Query begins_with CLAIM# lists them
// - a tenant's strategies: Query pk = TENANT#{t}#STRATEGY
// - idempotency: conditional Put / GetItem on TENANT#{t}#IDEMPOTENCY#{hash}
import { createHash } from 'node:crypto';

/**
 * Default number of partitions the due-date index spreads one tenant's day over: enough for a million invoices due on
 * one day. A deployment sets its own (DUE_DATE_SHARDS); changing it for existing data needs a re-index.
 */
export const DUE_DATE_SHARDS = 16;

/** Version of the item layout; stored on every item so a later layout can migrate old items lazily. */
export const SCHEMA_VERSION = 1;

export type ItemType =
  | 'Tenant'
  | 'ApiKey'
  | 'Customer'
  | 'OptOut'
  | 'Invoice'
  | 'Payment'
  | 'Charge'
  | 'Refund'
  | 'ProviderPayment'
  | 'WaitingReversal'
  | 'Dispute'
  | 'PaymentPromise'
  | 'DisputePointer'
  | 'PaymentPlan'
  | 'PayToken'
  | 'InvoicePayToken'
  | 'Delinquency'
  | 'TimelineEntry'
  | 'StepClaim'
  | 'Strategy'
  | 'IdempotencyRecord'
  | 'WebhookEvent'
  | 'Letter'
  | 'CollectorTask'
  | 'UnsubscribeToken'
  | 'CustomerToken';

export interface PrimaryKey {
  pk: string;
  sk: string;
}

const tenant = (tenantId: string) => `TENANT#${tenantId}`;

/** Stable shard of an id: the same invoice always lands in the same shard. */
export const shardOf = (id: string, shards = DUE_DATE_SHARDS): number =>
  createHash('sha256').update(id).digest().readUInt32BE(0) % shards;

export const keys = {
  tenant: (tenantId: string): PrimaryKey => ({ pk: tenant(tenantId), sk: 'TENANT' }),
  tenantListing: (tenantId: string) => ({ gsi1pk: 'TENANTS', gsi1sk: tenant(tenantId) }),
  tenantsPartition: () => 'TENANTS',

  apiKeyPartition: (keyHash: string) => `APIKEY#${keyHash}`,
  apiKey: (keyHash: string, tenantId: string): PrimaryKey => ({ pk: `APIKEY#${keyHash}`, sk: tenant(tenantId) }),

  customerPartition: (tenantId: string, customerId: string) => `${tenant(tenantId)}#CUSTOMER#${customerId}`,
  customer: (tenantId: string, customerId: string): PrimaryKey => ({
    pk: keys.customerPartition(tenantId, customerId),
    sk: 'CUSTOMER',
  }),
  optOut: (tenantId: string, customerId: string, channel: string, address: string): PrimaryKey => ({
    pk: keys.customerPartition(tenantId, customerId),
    sk: `OPTOUT#${channel}#${address.toLowerCase()}`,
  }),
  optOutPrefix: 'OPTOUT#',

  invoicePartition: (tenantId: string, invoiceId: string) => `${tenant(tenantId)}#INVOICE#${invoiceId}`,
  invoice: (tenantId: string, invoiceId: string): PrimaryKey => ({
    pk: keys.invoicePartition(tenantId, invoiceId),
    sk: 'INVOICE',
  }),
  invoiceByCustomer: (tenantId: string, customerId: string, dueDate: string, invoiceId: string) => ({
    gsi1pk: keys.customerPartition(tenantId, customerId),
    gsi1sk: `INVOICE#${dueDate}#${invoiceId}`,
  }),
  invoiceByDueDate: (tenantId: string, scanDate: string, invoiceId: string, shards = DUE_DATE_SHARDS) => ({
    gsi2pk: keys.dueDatePartition(tenantId, scanDate, shardOf(invoiceId, shards)),
    gsi2sk: invoiceId,
  }),
  dueDatePartition: (tenantId: string, dueDate: string, shard: number) => `${tenant(tenantId)}#DUE#${dueDate}#${shard}`,
  payment: (tenantId: string, invoiceId: string, paymentId: string): PrimaryKey => ({
    pk: keys.invoicePartition(tenantId, invoiceId),
    sk: `PAYMENT#${paymentId}`,
  }),
  paymentPrefix: 'PAYMENT#',
  charge: (tenantId: string, invoiceId: string, chargeId: string): PrimaryKey => ({
    pk: keys.invoicePartition(tenantId, invoiceId),
    sk: `CHARGE#${chargeId}`,
  }),
  chargePrefix: 'CHARGE#',
  refund: (tenantId: string, invoiceId: string, refundId: string): PrimaryKey => ({
    pk: keys.invoicePartition(tenantId, invoiceId),
    sk: `REFUND#${refundId}`,
  }),
  providerPaymentPartition: (tenantId: string, provider: string, providerPaymentId: string) =>
    `${tenant(tenantId)}#PROVIDER#${provider}#${providerPaymentId}`,
  providerPayment: (tenantId: string, provider: string, providerPaymentId: string): PrimaryKey => ({
    pk: keys.providerPaymentPartition(tenantId, provider, providerPaymentId),
    sk: 'PAYMENT',
  }),
  waitingReversal: (tenantId: string, provider: string, providerPaymentId: string, eventId: string): PrimaryKey => ({
    pk: keys.providerPaymentPartition(tenantId, provider, providerPaymentId),
    sk: `WAITING#${eventId}`,
  }),
  waitingPrefix: 'WAITING#',
  promise: (tenantId: string, delinquencyId: string, promiseId: string): PrimaryKey => ({
    pk: keys.delinquencyPartition(tenantId, delinquencyId),
    sk: `PROMISE#${promiseId}`,
  }),
  promisePrefix: 'PROMISE#',
  plan: (tenantId: string, delinquencyId: string, planId: string): PrimaryKey => ({
    pk: keys.delinquencyPartition(tenantId, delinquencyId),
    sk: `PLAN#${planId}`,
  }),
  planPrefix: 'PLAN#',
  dispute: (tenantId: string, delinquencyId: string, disputeId: string): PrimaryKey => ({
    pk: keys.delinquencyPartition(tenantId, delinquencyId),
    sk: `DISPUTE#${disputeId}`,
  }),
  disputeListing: (tenantId: string, openedAt: string, disputeId: string) => ({
    gsi1pk: keys.disputesPartition(tenantId),
    gsi1sk: `${openedAt}#${disputeId}`,
  }),
  disputesPartition: (tenantId: string) => `${tenant(tenantId)}#DISPUTES`,
  disputePointer: (tenantId: string, disputeId: string): PrimaryKey => ({ pk: `${tenant(tenantId)}#DISPUTE#${disputeId}`, sk: 'DISPUTE' }),

  delinquencyPartition: (tenantId: string, delinquencyId: string) => `${tenant(tenantId)}#DELINQUENCY#${delinquencyId}`,
  delinquency: (tenantId: string, delinquencyId: string): PrimaryKey => ({
    pk: keys.delinquencyPartition(tenantId, delinquencyId),
    sk: 'DELINQUENCY',
  }),
  delinquencyByCustomer: (tenantId: string, customerId: string, openedAt: string, delinquencyId: string) => ({
    gsi1pk: keys.customerPartition(tenantId, customerId),
    gsi1sk: `DELINQUENCY#${openedAt}#${delinquencyId}`,
  }),
  /** Priority 0..1 000 000 (higher first); stored inverted so an ascending query returns the highest first. */
  workQueue: (tenantId: string, status: string, priority: number, delinquencyId: string) => ({
    gsi3pk: keys.workQueuePartition(tenantId, status),
    gsi3sk: `${String(1_000_000 - Math.max(0, Math.min(1_000_000, Math.round(priority)))).padStart(7, '0')}#${delinquencyId}`,
  }),
  workQueuePartition: (tenantId: string, status: string) => `${tenant(tenantId)}#QUEUE#${status}`,
  timelineEntry: (tenantId: string, delinquencyId: string, at: string, entryId: string): PrimaryKey => ({
    pk: keys.delinquencyPartition(tenantId, delinquencyId),
    sk: `TIMELINE#${at}#${entryId}`,
  }),
  timelinePrefix: 'TIMELINE#',
  claimPrefix: 'CLAIM#',
  claimSortKey: (kind: string, stepId: string, channel?: string) => `CLAIM#${kind}#${stepId}${channel ? `#${channel}` : ''}`,
  letter: (tenantId: string, delinquencyId: string, stepId: string): PrimaryKey => ({
    pk: keys.delinquencyPartition(tenantId, delinquencyId),
    sk: `LETTER#${stepId}`,
  }),
  task: (tenantId: string, delinquencyId: string, stepId: string): PrimaryKey => ({
    pk: keys.delinquencyPartition(tenantId, delinquencyId),
    sk: `TASK#${stepId}`,
  }),
  openTasks: (tenantId: string, dueAt: string, taskId: string) => ({
    gsi3pk: keys.openTasksPartition(tenantId),
    gsi3sk: `${dueAt}#${taskId}`,
  }),
  openTasksPartition: (tenantId: string) => `${tenant(tenantId)}#TASKS#open`,
  unsubscribeToken: (token: string, tenantId: string): PrimaryKey => ({ pk: `UNSUBSCRIBE#${token}`, sk: tenant(tenantId) }),
  unsubscribePartition: (token: string) => `UNSUBSCRIBE#${token}`,
  payToken: (token: string, tenantId: string): PrimaryKey => ({ pk: `PAY#${token}`, sk: tenant(tenantId) }),
  payTokenPartition: (token: string) => `PAY#${token}`,
  invoicePayToken: (tenantId: string, invoiceId: string): PrimaryKey => ({ pk: keys.invoicePartition(tenantId, invoiceId), sk: 'PAYTOKEN' }),
  customerToken: (tenantId: string, customerId: string, channel: string, address: string): PrimaryKey => ({
    pk: keys.customerPartition(tenantId, customerId),
    sk: `TOKEN#${channel}#${address.toLowerCase()}`,
  }),

  strategyPartition: (tenantId: string) => `${tenant(tenantId)}#STRATEGY`,
  strategy: (tenantId: string, strategyId: string): PrimaryKey => ({
    pk: keys.strategyPartition(tenantId),
    sk: `STRATEGY#${strategyId}`,
  }),

  idempotencyRecord: (tenantId: string, keyHash: string): PrimaryKey => ({
    pk: `${tenant(tenantId)}#IDEMPOTENCY#${keyHash}`,
    sk: 'IDEMPOTENCY',
  }),
  webhookEvent: (tenantId: string, provider: string, eventId: string): PrimaryKey => ({
    pk: `${tenant(tenantId)}#WEBHOOK#${provider}#${eventId}`,
    sk: 'WEBHOOK',
  }),
};

/** The attributes every item carries besides its keys: what it is and which layout wrote it. */
export const itemMeta = (type: ItemType) => ({ type, schemaVersion: SCHEMA_VERSION });

/** Attribute names that belong to storage, not to the entity; stripped before an item is parsed as an entity. */
export const STORAGE_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'type',
  'schemaVersion',
  'expiresAt',
] as const;

export const stripStorage = (item: Record<string, unknown>): Record<string, unknown> => {
  const copy = { ...item };
  for (const attribute of STORAGE_ATTRIBUTES) delete copy[attribute];
  return copy;
};
