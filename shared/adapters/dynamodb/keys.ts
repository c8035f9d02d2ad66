// Every storage key of the single table is built here and nowhere else; the table below is the map of the data.
//
// Item types (pk / sk; index keys where the item is indexed). {t} is the tenant id, present in every key.
//
// | item               | pk                                  | sk                              | indexes                                                    |
// |--------------------|-------------------------------------|---------------------------------|------------------------------------------------------------|
// | Tenant             | TENANT#{t}                          | TENANT                          | gsi1: TENANTS / TENANT#{t} (list tenants for the run)      |
// | ApiKey             | APIKEY#{sha256(key)}                | TENANT#{t}                      |                                                            |
// | TenantChange       | TENANT#{t}#SETTINGS                 | CHANGE#{version, 10 digits}     | (who changed which settings when, before and after)        |
// | PersonAccess       | TENANT#{t}#PEOPLE                   | PERSON#{lowercased username}    | (role and status the API checks on each call of a person)  |
// | PersonChange       | TENANT#{t}#PEOPLE#HISTORY           | CHANGE#{at}#{changeId}          | (who invited, changed the role of, deactivated whom, when) |
// | RunLease           | RUN#reminder-run                    | LEASE                           | (the run holding the hourly run, until it expires)         |
// | CurrentExecution   | TENANT#{t}#DELINQUENCY#{d}          | EXECUTION                       | (the execution escalating it: name, generation, start)     |
// | RestartMarker      | TENANT#{t}#RESTARTS                 | DELINQUENCY#{d}                 | (an open case whose execution ended: the run restarts it)  |
// | ApiKeyListing      | TENANT#{t}#APIKEYS                  | KEY#{keyId}                     | (the tenant's keys by id: role, hash, who issued or revoked) |
// | Erasure            | TENANT#{t}#CUSTOMER#{c}             | ERASURE                         | (the GDPR erasure decision: who, when, what was kept)      |
// | Customer           | TENANT#{t}#CUSTOMER#{c}             | CUSTOMER                        |                                                            |
// | OptOut             | TENANT#{t}#CUSTOMER#{c}             | OPTOUT#{channel}#{address}      |                                                            |
// | CreditState        | TENANT#{t}#CUSTOMER#{c}             | CREDIT                          | (unbilled report, credit hold and its reasons)             |
// | DisputeCredits     | TENANT#{t}#DISPUTECREDITS           | CUSTOMER#{c}                    | (credits accepted per case and in 30 days: the limit's running total) |
// | Invoice            | TENANT#{t}#INVOICE#{i}              | INVOICE                         | gsi1: TENANT#{t}#CUSTOMER#{c} / INVOICE#{dueDate}#{i}      |
// |                    |                                     |                                 | gsi2 (open, execution not yet started): TENANT#{t}#DUE#{shard} / {scanDate}#{i} |
// | Payment            | TENANT#{t}#INVOICE#{i}              | PAYMENT#{paymentId}             |                                                            |
// | Charge             | TENANT#{t}#INVOICE#{i}              | CHARGE#{chargeId}               |                                                            |
// | Refund             | TENANT#{t}#INVOICE#{i}              | REFUND#{refundId}               | (refunds and chargebacks against a payment)                |
// | ProviderPayment    | TENANT#{t}#PROVIDER#{p}#{paymentId} | PAYMENT                         | (-> invoice and payment; its event; refunds waiting on it) |
// | PaymentPromise     | TENANT#{t}#DELINQUENCY#{d}          | PROMISE#{promiseId}             |                                                            |
// | PaymentPlan        | TENANT#{t}#DELINQUENCY#{d}          | PLAN#{planId}                   |                                                            |
// | Dispute            | TENANT#{t}#DELINQUENCY#{d}          | DISPUTE#{disputeId}             | gsi1: TENANT#{t}#DISPUTES / {openedAt}#{disputeId}          |
// | DisputePointer     | TENANT#{t}#DISPUTE#{disputeId}      | DISPUTE                         | (a dispute id -> its delinquency, for /v1/disputes/{id})    |
// | Delinquency        | TENANT#{t}#DELINQUENCY#{d}          | DELINQUENCY                     | gsi1: TENANT#{t}#CUSTOMER#{c} / DELINQUENCY#{openedAt}#{d}  |
// |                    |                                     |                                 | gsi3 (open only): TENANT#{t}#QUEUE#{status}#{band} / {priority}#{d} |
// |                    |                                     |                                 | gsi3 (closed): TENANT#{t}#CLOSED#{yyyy-mm} / {closedAt}#{d} |
// |                    |                                     |                                 | gsi4 (open only): TENANT#{t}#ASSIGNEE#{collector|~unassigned}#{status} / {priority}#{d} |
// | Collector          | TENANT#{t}#COLLECTORS               | COLLECTOR#{collectorId}         | (capacity, open count, monthly results)                    |
// | TimelineEntry      | TENANT#{t}#DELINQUENCY#{d}          | TIMELINE#{at}#{entryId}         |                                                            |
// | ParkedEvents       | TENANT#{t}#DELINQUENCY#{d}          | PARKED#{parkedAt}#{id}          | gsi1 (waiting only): TENANT#{t}#PARKED / {parkedAt}#{d}#{id} |
// | StepClaim          | TENANT#{t}#DELINQUENCY#{d}          | CLAIM#{SEND|FEE|STEP}#{stepId}[#{channel}] |                                                 |
// | Letter             | TENANT#{t}#DELINQUENCY#{d}          | LETTER#{stepId}                 |                                                            |
// | CollectorTask      | TENANT#{t}#DELINQUENCY#{d}          | TASK#{stepId}                   | gsi3 (open only): TENANT#{t}#TASKS#open / {dueAt}#{taskId}  |
// |                    |                                     |                                 | gsi4 (open, assigned): TENANT#{t}#TASKS#open#ASSIGNEE#{a} / {dueAt}#{taskId} |
// | TaskPointer        | TENANT#{t}#TASK#{taskId}            | TASK                            | (a task id -> its delinquency and step, for /v1/tasks/{id}/done) |
// | Contact            | TENANT#{t}#DELINQUENCY#{d}          | CONTACT#{at}#{contactId}        | (a call, email, SMS or letter a collector logged)          |
// | ContactLog         | TENANT#{t}#DELINQUENCY#{d}          | CONTACTLOG                      | (version guarding the call-limit check: one writer wins)   |
// | UnsubscribeToken   | UNSUBSCRIBE#{token}                 | TENANT#{t}                      | (public link; resolves to customer, channel, address)      |
// | PayToken           | PAY#{token}                         | TENANT#{t}                      | (public pay link; resolves to tenant, invoice, customer)   |
// | InvoicePayToken    | TENANT#{t}#INVOICE#{i}              | PAYTOKEN                        | (the invoice's pay-link token)                             |
// | CustomerToken      | TENANT#{t}#CUSTOMER#{c}             | TOKEN#{channel}#{address}       | (the customer's unsubscribe token for that address)        |
// | PreDueClaim        | TENANT#{t}#INVOICE#{i}              | CLAIM#SEND#{stepId}#{channel}   | (reminders sent before any delinquency exists)             |
// | Strategy           | TENANT#{t}#STRATEGY                 | STRATEGY#{strategyId}           |                                                            |
// | IdempotencyRecord  | TENANT#{t}#IDEMPOTENCY#{keyHash}    | IDEMPOTENCY                     | TTL: expiresAt; gsi1 (an answer about a customer):         |
// |                    |                                     |                                 |   TENANT#{t}#CUSTOMER#{c} / IDEMPOTENCY#{keyHash}          |
// | WebhookEvent       | TENANT#{t}#WEBHOOK#{provider}#{id}  | WEBHOOK                         | TTL: expiresAt                                             |
// | ReportCell         | TENANT#{t}#REPORT#{shard}           | {family}#{day}#{value}#{currency}[#promise#{id}] | report counters a day's facts added; TTL |
// | ReportMark         | TENANT#{t}#INVOICE#{i}#REPORTED     | COUNTED                         | (the invoice version the stream consumer counted up to; TTL) |
// | ReportSnapshot     | TENANT#{t}#REPORTSNAP#{day}         | {family}#{kind}#{value}#{currency}#{part} | every counter at that day's close      |
// | ReportSnapshotDay  | TENANT#{t}#REPORTDAYS               | {day}                           | (marks a snapshot as complete)                             |
// | ReportCheckpoint   | TENANT#{t}#REPORTCHECK              | THROUGH                         | (the last closed day the run has folded: idle hours skip)  |
// | SearchTerm         | TENANT#{t}#SEARCH#{name|email|phone} | {term}#{c}                     | (a customer's name word in clear, or sha256 of its e-mail / phone digits) |
// | SearchReference    | TENANT#{t}#SEARCH#reference         | {RF reference}#{i}              | (an invoice's case reference -> the invoice; no personal data) |
//
// Access patterns:
// - resolve an API key to its tenant: Query pk = APIKEY#{hash} (one item; only the hash is stored)
// - a tenant's API keys (rotation: issue, list, revoke): Query pk = TENANT#{t}#APIKEYS; a revocation marks both items
// - a person's access on each of their calls: Query pk = TENANT#{t}#PEOPLE, sk = PERSON#{username} (Query: every
//   authenticated route may already Query, so no route needs another grant for it)
// - a tenant's people changes, newest first: Query pk = TENANT#{t}#PEOPLE#HISTORY descending, page by page
// - list tenants (scheduled run): Query gsi1 pk = TENANTS
// - a tenant's settings history, newest first: Query pk = TENANT#{t}#SETTINGS descending, page by page
// - a customer with opt-outs: Query pk = TENANT#{t}#CUSTOMER#{c}
// - an invoice with its payments and charges: Query pk = TENANT#{t}#INVOICE#{i}
// - a customer's invoices and delinquencies (the case): Query gsi1 pk = TENANT#{t}#CUSTOMER#{c}, sk begins_with
//   INVOICE# or DELINQUENCY#
// - open invoices not yet in collection, by due date: Query gsi2 pk = TENANT#{t}#DUE#{shard}, sk BETWEEN {first date}#
//   AND {last date}$ for every shard, page by page: one query a shard reads a run of consecutive dates (the days a run
//   looks back on), so an idle hour costs a query per shard and date range, not per shard and date. An invoice leaves
//   this index once its delinquency's execution has started (until then it carries awaitingStart, so a start that
//   failed is made by the next run), so the hourly run reads only what it must. Sharding spreads a million invoices
//   due on one day over DUE_DATE_SHARDS partition keys so a run never hammers one.
// - work queue: Query gsi3 pk = TENANT#{t}#QUEUE#{status}#{band}, highest priority first (sk sorts descending
//   priority); the whole status merges the three band partitions page by page (a cursor position per band);
//   one collector's queue: Query gsi4 pk = TENANT#{t}#ASSIGNEE#{collector}#{status}; band and currency filter the page
// - scoring history (closed delinquencies with their opening inputs): Query gsi3 pk = TENANT#{t}#CLOSED#{month}
// - a tenant's collectors (auto-assignment, GET /v1/collectors): Query pk = TENANT#{t}#COLLECTORS
// - collectors' open tasks (calls to make): Query gsi3 pk = TENANT#{t}#TASKS#open, oldest due first, page by page;
//   one person's: Query gsi4 pk = TENANT#{t}#TASKS#open#ASSIGNEE#{a}; overdue / due today: sk BETWEEN or < an instant
// - a debt's tasks (closed with the debt or by a logged call): Query pk = TENANT#{t}#DELINQUENCY#{d}, sk begins_with TASK#
// - one task by id (closed by hand): GetItem TENANT#{t}#TASK#{taskId}, then GetItem the task it names
// - a debt's contacts around a moment (call limits), or newest first: Query pk = TENANT#{t}#DELINQUENCY#{d}, sk BETWEEN
//   CONTACT#{from} AND CONTACT#{to}, or begins_with CONTACT# descending
// - a delinquency's timeline: Query pk = TENANT#{t}#DELINQUENCY#{d}, sk begins_with TIMELINE#
// - events the bus refused, waiting for the hourly replay: Query gsi1 pk = TENANT#{t}#PARKED, oldest first (sparse: a
//   replayed batch leaves it); the overdue count reads sk < {cutoff} only
// - has this step been sent / charged / skipped: conditional Put of CLAIM# items; Query begins_with CLAIM# lists them
// - a tenant's strategies: Query pk = TENANT#{t}#STRATEGY
// - open cases whose execution failed, timed out or was aborted (the hourly run restarts them): Query
//   pk = TENANT#{t}#RESTARTS (usually empty); a restart deletes its marker on the condition it still names that execution
// - idempotency: conditional Put / GetItem on TENANT#{t}#IDEMPOTENCY#{hash}; a customer's kept answers (GDPR export and
//   erasure) with the customer's invoices and delinquencies: Query gsi1 pk = TENANT#{t}#CUSTOMER#{c}
// - report state at a day's close: Query TENANT#{t}#REPORTDAYS sk <= day (latest snapshot, newest first, one item),
//   Query TENANT#{t}#REPORTSNAP#{that day} begins_with {family}#[{kind}#], and per shard Query TENANT#{t}#REPORT#{shard} sk BETWEEN
//   {family}#{snapshot day + 1} AND {family}#{day}$ (the counters added since): a bounded read, never every invoice
// - was this invoice write counted already (a stream record delivered again): conditional Update of the ReportMark
// - has the run folded the closed days already: GetItem TENANT#{t}#REPORTCHECK (one read an hour, not every shard)
// - search (GET /v1/search): Query TENANT#{t}#SEARCH#name sk begins_with the longest typed word (a prefix), or
//   TENANT#{t}#SEARCH#{email|phone|reference} sk begins_with {term}# (exact); an invoice id is a GetItem of the invoice.
//   Term items are written in the customer's own write (a transaction when they change) and deleted by its erasure.
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
  | 'TenantChange'
  | 'PersonAccess'
  | 'PersonChange'
  | 'ApiKey'
  | 'ApiKeyListing'
  | 'Erasure'
  | 'Customer'
  | 'OptOut'
  | 'Invoice'
  | 'Payment'
  | 'Charge'
  | 'Refund'
  | 'ProviderPayment'
  | 'Dispute'
  | 'PaymentPromise'
  | 'DisputePointer'
  | 'PaymentPlan'
  | 'PayToken'
  | 'InvoicePayToken'
  | 'Delinquency'
  | 'TimelineEntry'
  | 'ParkedEvents'
  | 'StepClaim'
  | 'Strategy'
  | 'IdempotencyRecord'
  | 'WebhookEvent'
  | 'Letter'
  | 'CollectorTask'
  | 'TaskPointer'
  | 'Contact'
  | 'ContactLog'
  | 'UnsubscribeToken'
  | 'CustomerToken'
  | 'Collector'
  | 'CreditState'
  | 'DisputeCredits'
  | 'ReportCell'
  | 'ReportMark'
  | 'ReportSnapshot'
  | 'ReportSnapshotDay'
  | 'ReportCheckpoint'
  | 'SearchTerm'
  | 'SearchReference'
  | 'RunLease'
  | 'RestartMarker'
  | 'CurrentExecution';

export interface PrimaryKey {
  pk: string;
  sk: string;
}

const tenant = (tenantId: string) => `TENANT#${tenantId}`;

/** Stands for "no collector" in the assignee index; partner ids cannot start with "~". */
export const UNASSIGNED = '~unassigned';

/** What a search-term item stands for: a word of the customer's name, its e-mail address or its phone number. */
export type SearchTermKind = 'name' | 'email' | 'phone';

/**
 * E-mail addresses and phone numbers are found only whole, so their keys hold a digest, not the address: no address
 * stands in a key, where it would reach metrics, conflict reports and the like. Name words must stay readable, since
 * a prefix of them is looked up. The tenant is in the digest, so two tenants' entries of one address differ.
 */
const searchDigest = (tenantId: string, kind: SearchTermKind, term: string): string =>
  kind === 'name' ? term : createHash('sha256').update(`${tenantId}\n${kind}\n${term}`).digest('hex');

/** The tenant a tenant-owned key names (`TENANT#{t}#...`): tenant ids hold no "#". Null for a key of no tenant. */
export const tenantOfKey = (key: string): string | null => /^TENANT#([^#]+)/.exec(key)?.[1] ?? null;

/** Stable shard of an id: the same invoice always lands in the same shard. */
export const shardOf = (id: string, shards = DUE_DATE_SHARDS): number =>
  createHash('sha256').update(id).digest().readUInt32BE(0) % shards;

export const keys = {
  tenant: (tenantId: string): PrimaryKey => ({ pk: tenant(tenantId), sk: 'TENANT' }),
  tenantListing: (tenantId: string) => ({ gsi1pk: 'TENANTS', gsi1sk: tenant(tenantId) }),
  tenantsPartition: () => 'TENANTS',
  tenantHistoryPartition: (tenantId: string) => `${tenant(tenantId)}#SETTINGS`,
  /** Zero-padded, so the sort key orders changes by version. */
  tenantChange: (tenantId: string, version: number): PrimaryKey => ({
    pk: keys.tenantHistoryPartition(tenantId),
    sk: `CHANGE#${String(version).padStart(10, '0')}`,
  }),
  /** Usernames are case-insensitive in the pool: one item per person whatever the case of the sign-in. */
  personAccess: (tenantId: string, username: string): PrimaryKey => ({
    pk: `${tenant(tenantId)}#PEOPLE`,
    sk: `PERSON#${username.toLowerCase()}`,
  }),
  peopleHistoryPartition: (tenantId: string) => `${tenant(tenantId)}#PEOPLE#HISTORY`,
  personChange: (tenantId: string, at: string, changeId: string): PrimaryKey => ({
    pk: keys.peopleHistoryPartition(tenantId),
    sk: `CHANGE#${at}#${changeId}`,
  }),
  runLease: (): PrimaryKey => ({ pk: 'RUN#reminder-run', sk: 'LEASE' }),
  currentExecution: (tenantId: string, delinquencyId: string): PrimaryKey => ({
    pk: keys.delinquencyPartition(tenantId, delinquencyId),
    sk: 'EXECUTION',
  }),
  restartsPartition: (tenantId: string) => `${tenant(tenantId)}#RESTARTS`,
  restartMarker: (tenantId: string, delinquencyId: string): PrimaryKey => ({
    pk: keys.restartsPartition(tenantId),
    sk: `DELINQUENCY#${delinquencyId}`,
  }),

  apiKeyPartition: (keyHash: string) => `APIKEY#${keyHash}`,
  apiKey: (keyHash: string, tenantId: string): PrimaryKey => ({ pk: `APIKEY#${keyHash}`, sk: tenant(tenantId) }),
  apiKeysPartition: (tenantId: string) => `${tenant(tenantId)}#APIKEYS`,
  apiKeyListing: (tenantId: string, keyId: string): PrimaryKey => ({
    pk: keys.apiKeysPartition(tenantId),
    sk: `KEY#${keyId}`,
  }),
  erasure: (tenantId: string, customerId: string): PrimaryKey => ({
    pk: keys.customerPartition(tenantId, customerId),
    sk: 'ERASURE',
  }),

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
  credit: (tenantId: string, customerId: string): PrimaryKey => ({
    pk: keys.customerPartition(tenantId, customerId),
    sk: 'CREDIT',
  }),
  // Outside the customer's partition: it holds no personal data, only amounts and ids.
  disputeCredits: (tenantId: string, customerId: string): PrimaryKey => ({
    pk: `${tenant(tenantId)}#DISPUTECREDITS`,
    sk: `CUSTOMER#${customerId}`,
  }),

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
    gsi2pk: keys.dueDatePartition(tenantId, shardOf(invoiceId, shards)),
    gsi2sk: `${scanDate}#${invoiceId}`,
  }),
  dueDatePartition: (tenantId: string, shard: number) => `${tenant(tenantId)}#DUE#${shard}`,
  /** Sort-key bounds of every invoice whose scan date is within [from, to] ('$' sorts just after '#'). */
  dueDateRange: (from: string, to: string) => ({ from: `${from}#`, to: `${to}$` }),
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
  disputePointer: (tenantId: string, disputeId: string): PrimaryKey => ({
    pk: `${tenant(tenantId)}#DISPUTE#${disputeId}`,
    sk: 'DISPUTE',
  }),

  delinquencyPartition: (tenantId: string, delinquencyId: string) => `${tenant(tenantId)}#DELINQUENCY#${delinquencyId}`,
  delinquency: (tenantId: string, delinquencyId: string): PrimaryKey => ({
    pk: keys.delinquencyPartition(tenantId, delinquencyId),
    sk: 'DELINQUENCY',
  }),
  delinquencyByCustomer: (tenantId: string, customerId: string, openedAt: string, delinquencyId: string) => ({
    gsi1pk: keys.customerPartition(tenantId, customerId),
    gsi1sk: `DELINQUENCY#${openedAt}#${delinquencyId}`,
  }),
  /**
   * The tenant's queue, one partition per status and score band (so a band is a key, not a filter). Priority
   * 0..1 000 000 (higher first) is stored inverted so an ascending query returns the highest first.
   */
  workQueue: (tenantId: string, status: string, band: string, priority: number, delinquencyId: string) => ({
    gsi3pk: keys.workQueuePartition(tenantId, status, band),
    gsi3sk: keys.queueSortKey(priority, delinquencyId),
  }),
  workQueuePartition: (tenantId: string, status: string, band: string) => `${tenant(tenantId)}#QUEUE#${status}#${band}`,
  queueSortKey: (priority: number, delinquencyId: string) =>
    `${String(1_000_000 - Math.max(0, Math.min(1_000_000, Math.round(priority)))).padStart(7, '0')}#${delinquencyId}`,
  /** One collector's queue (or the unassigned one) per status, in the same priority order as the tenant's queue. */
  assigneeQueue: (
    tenantId: string,
    assigneeId: string | null,
    status: string,
    priority: number,
    delinquencyId: string,
  ) => ({
    gsi4pk: keys.assigneeQueuePartition(tenantId, assigneeId, status),
    gsi4sk: keys.queueSortKey(priority, delinquencyId),
  }),
  assigneeQueuePartition: (tenantId: string, assigneeId: string | null, status: string) =>
    `${tenant(tenantId)}#ASSIGNEE#${assigneeId ?? UNASSIGNED}#${status}`,
  /** Closed delinquencies by the month they closed: the history a scorecard is fitted on. */
  closedListing: (tenantId: string, closedAt: string, delinquencyId: string) => ({
    gsi3pk: keys.closedPartition(tenantId, closedAt.slice(0, 7)),
    gsi3sk: `${closedAt}#${delinquencyId}`,
  }),
  closedPartition: (tenantId: string, month: string) => `${tenant(tenantId)}#CLOSED#${month}`,
  collectorsPartition: (tenantId: string) => `${tenant(tenantId)}#COLLECTORS`,
  collector: (tenantId: string, collectorId: string): PrimaryKey => ({
    pk: keys.collectorsPartition(tenantId),
    sk: `COLLECTOR#${collectorId}`,
  }),
  timelineEntry: (tenantId: string, delinquencyId: string, at: string, entryId: string): PrimaryKey => ({
    pk: keys.delinquencyPartition(tenantId, delinquencyId),
    sk: `TIMELINE#${at}#${entryId}`,
  }),
  timelinePrefix: 'TIMELINE#',
  /** A batch of refused integration events, kept with its delinquency; listed per tenant while it waits for a replay. */
  parkedEvents: (tenantId: string, delinquencyId: string, parkedAt: string, id: string): PrimaryKey => ({
    pk: keys.delinquencyPartition(tenantId, delinquencyId),
    sk: `PARKED#${parkedAt}#${id}`,
  }),
  parkedListing: (tenantId: string, parkedAt: string, delinquencyId: string, id: string) => ({
    gsi1pk: keys.parkedPartition(tenantId),
    gsi1sk: `${parkedAt}#${delinquencyId}#${id}`,
  }),
  parkedPartition: (tenantId: string) => `${tenant(tenantId)}#PARKED`,
  claimPrefix: 'CLAIM#',
  claimSortKey: (kind: string, stepId: string, channel?: string) =>
    `CLAIM#${kind}#${stepId}${channel ? `#${channel}` : ''}`,
  letter: (tenantId: string, delinquencyId: string, stepId: string): PrimaryKey => ({
    pk: keys.delinquencyPartition(tenantId, delinquencyId),
    sk: `LETTER#${stepId}`,
  }),
  task: (tenantId: string, delinquencyId: string, stepId: string): PrimaryKey => ({
    pk: keys.delinquencyPartition(tenantId, delinquencyId),
    sk: `TASK#${stepId}`,
  }),
  taskPrefix: 'TASK#',
  taskPointer: (tenantId: string, taskId: string): PrimaryKey => ({
    pk: `${tenant(tenantId)}#TASK#${taskId}`,
    sk: 'TASK',
  }),
  openTasks: (tenantId: string, dueAt: string, taskId: string) => ({
    gsi3pk: keys.openTasksPartition(tenantId),
    gsi3sk: `${dueAt}#${taskId}`,
  }),
  openTasksPartition: (tenantId: string) => `${tenant(tenantId)}#TASKS#open`,
  /** One person's open tasks, in the same order as the tenant's. */
  assigneeTasks: (tenantId: string, assigneeId: string, dueAt: string, taskId: string) => ({
    gsi4pk: keys.assigneeTasksPartition(tenantId, assigneeId),
    gsi4sk: `${dueAt}#${taskId}`,
  }),
  assigneeTasksPartition: (tenantId: string, assigneeId: string) =>
    `${tenant(tenantId)}#TASKS#open#ASSIGNEE#${assigneeId}`,
  contact: (tenantId: string, delinquencyId: string, at: string, contactId: string): PrimaryKey => ({
    pk: keys.delinquencyPartition(tenantId, delinquencyId),
    sk: `${keys.contactPrefix}${at}#${contactId}`,
  }),
  contactPrefix: 'CONTACT#',
  contactLog: (tenantId: string, delinquencyId: string): PrimaryKey => ({
    pk: keys.delinquencyPartition(tenantId, delinquencyId),
    sk: 'CONTACTLOG',
  }),
  unsubscribeToken: (token: string, tenantId: string): PrimaryKey => ({
    pk: `UNSUBSCRIBE#${token}`,
    sk: tenant(tenantId),
  }),
  unsubscribePartition: (token: string) => `UNSUBSCRIBE#${token}`,
  payToken: (token: string, tenantId: string): PrimaryKey => ({ pk: `PAY#${token}`, sk: tenant(tenantId) }),
  payTokenPartition: (token: string) => `PAY#${token}`,
  invoicePayToken: (tenantId: string, invoiceId: string): PrimaryKey => ({
    pk: keys.invoicePartition(tenantId, invoiceId),
    sk: 'PAYTOKEN',
  }),
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
  /** A kept answer about a customer, filed under the customer: it holds their data, so it leaves with them. */
  idempotencyByCustomer: (tenantId: string, customerId: string, keyHash: string) => ({
    gsi1pk: keys.customerPartition(tenantId, customerId),
    gsi1sk: `IDEMPOTENCY#${keyHash}`,
  }),
  /** One shard of a tenant's report counters; a day's cells sort by family, then day, so a range reads "since". */
  reportLedgerPartition: (tenantId: string, shard: number) => `${tenant(tenantId)}#REPORT#${shard}`,
  reportCell: (
    tenantId: string,
    shard: number,
    cell: { family: string; day: string; value: string; currency: string },
    factId?: string,
  ): PrimaryKey => ({
    pk: keys.reportLedgerPartition(tenantId, shard),
    sk: `${keys.reportCellPrefix(cell.family, cell.day)}${encodeURIComponent(cell.value)}#${cell.currency}${factId === undefined ? '' : `#promise#${factId}`}`,
  }),
  /** How far an invoice's writes are in the counters: its own partition, apart from the invoice's (never read with it). */
  reportMark: (tenantId: string, invoiceId: string): PrimaryKey => ({
    pk: `${keys.invoicePartition(tenantId, invoiceId)}#REPORTED`,
    sk: 'COUNTED',
  }),
  /** `{family}#{day}#`: every cell of a family and day starts with it; `${family}#${day}$` sorts after all of them. */
  reportCellPrefix: (family: string, day: string) => `${family}#${day}#`,
  reportSnapshotDays: (tenantId: string) => `${tenant(tenantId)}#REPORTDAYS`,
  reportSnapshotDay: (tenantId: string, day: string): PrimaryKey => ({
    pk: keys.reportSnapshotDays(tenantId),
    sk: day,
  }),
  /** The last closed day whose counters the run has folded into snapshots (or found none to fold). */
  reportCheckpoint: (tenantId: string): PrimaryKey => ({ pk: `${tenant(tenantId)}#REPORTCHECK`, sk: 'THROUGH' }),
  reportSnapshotPartition: (tenantId: string, day: string) => `${tenant(tenantId)}#REPORTSNAP#${day}`,
  /** One kind of a snapshot cell's counters (o, n, p, s, or f for the undated): aging reads only the open balances. */
  reportSnapshot: (
    tenantId: string,
    day: string,
    cell: { family: string; value: string; currency: string },
    kind: string,
    part: number,
  ): PrimaryKey => ({
    pk: keys.reportSnapshotPartition(tenantId, day),
    sk: `${cell.family}#${kind}#${encodeURIComponent(cell.value)}#${cell.currency}#${part}`,
  }),
  searchPartition: (tenantId: string, kind: SearchTermKind | 'reference') => `${tenant(tenantId)}#SEARCH#${kind}`,
  /** One customer under one term (a normalised name word, e-mail or phone: see shared/domain/search-terms.ts). */
  searchTerm: (tenantId: string, kind: SearchTermKind, term: string, customerId: string): PrimaryKey => ({
    pk: keys.searchPartition(tenantId, kind),
    sk: `${searchDigest(tenantId, kind, term)}#${customerId}`,
  }),
  /** What a lookup's sort key begins with: a name word's prefix as typed, or a whole e-mail or phone term and "#". */
  searchTermPrefix: (tenantId: string, kind: SearchTermKind, term: string) =>
    kind === 'name' ? term : `${searchDigest(tenantId, kind, term)}#`,
  searchReference: (tenantId: string, reference: string, invoiceId: string): PrimaryKey => ({
    pk: keys.searchPartition(tenantId, 'reference'),
    sk: `${reference}#${invoiceId}`,
  }),
  webhookEvent: (tenantId: string, provider: string, eventId: string): PrimaryKey => ({
    pk: `${tenant(tenantId)}#WEBHOOK#${provider}#${eventId}`,
    sk: 'WEBHOOK',
  }),
};

/**
 * How GDPR erasure treats an attribute that can hold personal data: `remove` drops it, `replace` puts "(erased)" in its
 * place, `redact` replaces the person's name, email, phone and addresses where they stand as words in its text (or in
 * the strings of its value), `hash` keeps a keyed hash of an address (the item's key names it, so it is rewritten).
 */
export type ErasureRule = 'remove' | 'replace' | 'redact' | 'hash';

/**
 * Where personal data can stand, per item type: the only attributes erasure touches. Items of other types, and every
 * other attribute (ids, keys, statuses, amounts, dates, references), are kept exactly as they are. `delete` items go
 * whole: link tokens naming an address, and the answers kept for Idempotency-Key replays.
 */
export const PERSONAL_DATA: { readonly [T in ItemType]?: 'delete' | Readonly<Record<string, ErasureRule>> } = {
  Customer: { name: 'replace', email: 'remove', phone: 'remove', region: 'remove' },
  OptOut: { address: 'hash' },
  CustomerToken: 'delete',
  IdempotencyRecord: 'delete',
  Invoice: { description: 'redact' },
  Dispute: { reason: 'replace', note: 'replace' },
  // A collector's words about the customer: a logged contact's note and the follow-up task that repeats it.
  Contact: { note: 'replace' },
  CollectorTask: { note: 'replace' },
  Letter: { html: 'replace' },
  TimelineEntry: { detail: 'redact', data: 'redact' },
  StepClaim: { detail: 'redact' },
  ParkedEvents: { events: 'redact' },
  // Outside the customer's partition: erasure deletes the customer's terms by their keys (search-terms.dynamodb.ts).
  SearchTerm: 'delete',
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
  'gsi4pk',
  'gsi4sk',
  'type',
  'schemaVersion',
  'expiresAt',
] as const;

export const stripStorage = (item: Record<string, unknown>): Record<string, unknown> => {
  const copy = { ...item };
  for (const attribute of STORAGE_ATTRIBUTES) delete copy[attribute];
  return copy;
};
