// The partner API's route table: the one list that the CDK stack deploys, the local runtime serves and OpenAPI documents.
import { z } from 'zod';
import {
  CustomerPathSchema,
  CustomerResponseSchema,
  OptOutSchema,
  PostOptOutBodySchema,
  PutCustomerBodySchema,
} from '../../shared/schemas/customer.schema';
import {
  InvoicePathSchema,
  InvoiceResponseSchema,
  PaymentResponseSchema,
  PostPaymentBodySchema,
  PutInvoiceBodySchema,
} from '../../shared/schemas/invoice.schema';
import {
  PutStrategyBodySchema,
  StrategyListSchema,
  StrategyPathSchema,
  StrategySchema,
} from '../../shared/schemas/strategy.schema';
import { PayTokenPathSchema, UnsubscribedSchema, UnsubscribePathSchema } from '../../shared/schemas/unsubscribe.schema';
import { TaskListQuerySchema, TaskPageSchema } from '../../shared/schemas/task.schema';
import { DelinquencyPathSchema, DelinquencyViewSchema } from '../../shared/schemas/delinquency-view.schema';
import { PaymentPromiseSchema, PostPromiseBodySchema } from '../../shared/schemas/promise.schema';
import { PaymentPlanSchema, PostPlanBodySchema } from '../../shared/schemas/plan.schema';
import { StatementQuerySchema, StatementSchema } from '../../shared/schemas/statement.schema';
import { CasePaymentSchema } from '../../shared/schemas/case-payment.schema';
import {
  DisputeListQuerySchema,
  DisputePageSchema,
  DisputePathSchema,
  DisputeSchema,
  PostDisputeBodySchema,
  ResolveDisputeBodySchema,
} from '../../shared/schemas/dispute.schema';
import { WebhookAnswerSchema, WebhookPathSchema } from '../../shared/schemas/webhook.schema';
import {
  ContactListQuerySchema,
  ContactPageSchema,
  ContactSchema,
  ContactWindowQuerySchema,
  ContactWindowSchema,
  PostContactBodySchema,
} from '../../shared/schemas/contact.schema';
import type { IndexName } from '../../shared/adapters/dynamodb/table-design';
import { AgingQuerySchema, AgingReportSchema, KpiQuerySchema, KpiReportSchema } from '../../shared/schemas/report.schema';
import { ScoreModelSchema } from '../../shared/schemas/score.schema';
import { ScoringHistoryPageSchema, ScoringHistoryQuerySchema } from '../../shared/schemas/scoring-history.schema';
import { CreditViewSchema, PutUnbilledBodySchema } from '../../shared/schemas/credit.schema';
import { QueueItemSchema, QueuePageSchema, QueueQuerySchema } from '../../shared/schemas/queue.schema';
import { CollectorListSchema, CollectorPathSchema, CollectorSchema, PutAssigneeBodySchema, PutCollectorBodySchema } from '../../shared/schemas/collector.schema';
import { ApiKeyListSchema, ApiKeyPathSchema, ApiKeyRecordSchema, IssuedApiKeySchema, PostApiKeyBodySchema } from '../../shared/schemas/api-key.schema';
import { CustomerExportSchema, ErasureSchema } from '../../shared/schemas/personal-data.schema';

export type DynamoAction = 'GetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem';

export interface ApiResponseSpec {
  status: number;
  description: string;
  schema?: z.ZodType;
}

export interface ApiRoute {
  /** Stable name: the function's construct id and the OpenAPI operationId. */
  id: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  /** File in functions/api that handles it. */
  handler: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: ApiResponseSpec[];
  idempotent?: boolean;
  public?: boolean;
  /** Exactly what the function may do to the table: its IAM policy is generated from this and nothing else. */
  dynamodb: { actions: DynamoAction[]; indexes: IndexName[] };
  /** The route wakes delinquency executions (a payment): it may send task tokens back to Step Functions. */
  wakesExecutions?: boolean;
  /** The route sends email itself (the unsubscribe confirmation): it gets SES rights and the sender settings. */
  sendsEmail?: boolean;
  /** The route may start a delinquency's execution (a refund reopening a resolved one). */
  startsExecutions?: boolean;
  /** A provider webhook: it reads the tenants' signing secrets from Secrets Manager. */
  readsWebhookSecrets?: boolean;
  /** The route may publish integration events (a credit hold starting or ending) to the bus. */
  publishesEvents?: boolean;
}

/** Resolving a key needs one Query; an Idempotency-Key claim writes and may release a record. */
const AUTHENTICATED_READ: DynamoAction[] = ['Query'];
const IDEMPOTENT_WRITE: DynamoAction[] = ['Query', 'PutItem', 'DeleteItem'];

export const apiRoutes = [
  {
    id: 'PutCustomer',
    method: 'PUT',
    path: '/v1/customers/{customerId}',
    handler: 'put-customer.handler.ts',
    summary: 'Create or replace a customer',
    params: CustomerPathSchema,
    body: PutCustomerBodySchema,
    responses: [
      { status: 201, description: 'Created', schema: CustomerResponseSchema },
      { status: 200, description: 'Replaced', schema: CustomerResponseSchema },
    ],
    idempotent: true,
    // A new segment or country moves the report counters of the customer's invoices (found through gsi1).
    // Reviews the customer's credit hold afterwards (reads its invoices, writes the hold, publishes a change).
    publishesEvents: true,
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: ['gsi1'] },
  },
  {
    id: 'GetCustomer',
    method: 'GET',
    path: '/v1/customers/{customerId}',
    handler: 'get-customer.handler.ts',
    summary: 'Read a customer with its opt-outs',
    params: CustomerPathSchema,
    responses: [{ status: 200, description: 'The customer', schema: CustomerResponseSchema }],
    dynamodb: { actions: AUTHENTICATED_READ, indexes: [] },
  },
  {
    id: 'PostOptOut',
    method: 'POST',
    path: '/v1/customers/{customerId}/opt-outs',
    handler: 'post-opt-out.handler.ts',
    summary: 'Opt a customer out of a channel (honoured at once)',
    params: CustomerPathSchema,
    body: PostOptOutBodySchema,
    responses: [
      { status: 201, description: 'Opted out', schema: OptOutSchema },
      { status: 200, description: 'Already opted out', schema: OptOutSchema },
    ],
    idempotent: true,
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem'], indexes: [] },
  },
  {
    id: 'PostCasePayment',
    method: 'POST',
    path: '/v1/customers/{customerId}/payments',
    handler: 'post-case-payment.handler.ts',
    summary: "A payment that names no invoice: applied across the customer's open invoices in that currency, oldest due first",
    params: CustomerPathSchema,
    body: PostPaymentBodySchema,
    responses: [
      { status: 201, description: 'Applied; the split over the invoices and any credit', schema: CasePaymentSchema },
      { status: 409, description: 'Nothing is owed in that currency' },
    ],
    idempotent: true,
    wakesExecutions: true,
    // Reviews the customer's credit hold afterwards (reads its invoices, writes the hold, publishes a change).
    publishesEvents: true,
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: ['gsi1'] },
  },
  {
    id: 'GetStatement',
    method: 'GET',
    path: '/v1/customers/{customerId}/statement',
    handler: 'get-statement.handler.ts',
    summary: "A customer's statement: open items with fees and interest, payments, credit and total due (`format=html` prints it)",
    params: CustomerPathSchema,
    query: StatementQuerySchema,
    responses: [{ status: 200, description: 'The statement (JSON, or HTML with format=html)', schema: StatementSchema }],
    // The customer's invoices come from gsi1; each invoice's balance needs its partition and the strategy.
    dynamodb: { actions: [...AUTHENTICATED_READ, 'GetItem', 'PutItem'], indexes: ['gsi1'] },
  },
  {
    id: 'PutInvoice',
    method: 'PUT',
    path: '/v1/invoices/{invoiceId}',
    handler: 'put-invoice.handler.ts',
    summary: 'Create or replace an invoice',
    params: InvoicePathSchema,
    body: PutInvoiceBodySchema,
    responses: [
      { status: 201, description: 'Created', schema: InvoiceResponseSchema },
      { status: 200, description: 'Replaced', schema: InvoiceResponseSchema },
    ],
    idempotent: true,
    // The invoice is written with its report counters (UpdateItem adds to them) in one transaction.
    // Reviews the customer's credit hold afterwards (reads its invoices, writes the hold, publishes a change).
    publishesEvents: true,
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: ['gsi1'] },
  },
  {
    id: 'GetInvoice',
    method: 'GET',
    path: '/v1/invoices/{invoiceId}',
    handler: 'get-invoice.handler.ts',
    summary: 'Read an invoice with its balance, charges and payments',
    params: InvoicePathSchema,
    responses: [{ status: 200, description: 'The invoice', schema: InvoiceResponseSchema }],
    // Interest needs the customer (zone, kind) and the strategy; the default strategy is stored on first use.
    dynamodb: { actions: [...AUTHENTICATED_READ, 'GetItem', 'PutItem'], indexes: [] },
  },
  {
    id: 'PostPayment',
    method: 'POST',
    path: '/v1/invoices/{invoiceId}/payments',
    handler: 'post-payment.handler.ts',
    summary: 'Record a payment made elsewhere',
    params: InvoicePathSchema,
    body: PostPaymentBodySchema,
    responses: [
      { status: 201, description: 'Recorded', schema: PaymentResponseSchema },
      { status: 200, description: 'This payment was already recorded', schema: PaymentResponseSchema },
    ],
    idempotent: true,
    // Interest needs the customer and strategy; a payment bumps the delinquency's facts (UpdateItem) and wakes it.
    // Reviews the customer's credit hold afterwards (reads its invoices, writes the hold, publishes a change).
    publishesEvents: true,
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: ['gsi1'] },
    wakesExecutions: true,
  },
  {
    id: 'PutStrategy',
    method: 'PUT',
    path: '/v1/strategies/{strategyId}',
    handler: 'put-strategy.handler.ts',
    summary: 'Create or replace an escalation strategy (the id "default" replaces the default ladder)',
    params: StrategyPathSchema,
    body: PutStrategyBodySchema,
    responses: [
      { status: 201, description: 'Created', schema: StrategySchema },
      { status: 200, description: 'Replaced', schema: StrategySchema },
    ],
    idempotent: true,
    dynamodb: { actions: IDEMPOTENT_WRITE, indexes: [] },
  },
  {
    id: 'ListStrategies',
    method: 'GET',
    path: '/v1/strategies',
    handler: 'list-strategies.handler.ts',
    summary: "The tenant's escalation strategies, default first",
    responses: [{ status: 200, description: 'The strategies', schema: StrategyListSchema }],
    // The default ladder is stored on first use.
    dynamodb: { actions: ['Query', 'PutItem'], indexes: [] },
  },
  {
    id: 'GetStrategy',
    method: 'GET',
    path: '/v1/strategies/{strategyId}',
    handler: 'get-strategy.handler.ts',
    summary: 'One escalation strategy',
    params: StrategyPathSchema,
    responses: [{ status: 200, description: 'The strategy', schema: StrategySchema }],
    dynamodb: { actions: ['Query', 'PutItem'], indexes: [] },
  },
  {
    id: 'PostUnsubscribe',
    method: 'POST',
    path: '/v1/unsubscribe/{token}',
    handler: 'post-unsubscribe.handler.ts',
    summary: "The unsubscribe link of a reminder email (one click, RFC 8058): opts that address out at once",
    params: UnsubscribePathSchema,
    responses: [{ status: 200, description: 'Opted out', schema: UnsubscribedSchema }],
    public: true,
    sendsEmail: true,
    // The token lookup, the opt-out, then the tenant and customer for the confirmation's sender and language.
    dynamodb: { actions: ['Query', 'PutItem', 'GetItem'], indexes: [] },
  },
  {
    id: 'GetUnsubscribe',
    method: 'GET',
    path: '/v1/unsubscribe/{token}',
    handler: 'get-unsubscribe.handler.ts',
    summary: 'The page behind the unsubscribe link: one button that confirms (a GET changes nothing, for mail scanners)',
    params: UnsubscribePathSchema,
    responses: [{ status: 200, description: 'An HTML page' }],
    public: true,
    dynamodb: { actions: ['Query'], indexes: [] },
  },
  {
    id: 'PostStripeWebhook',
    method: 'POST',
    path: '/v1/webhooks/stripe/{tenantId}',
    handler: 'post-stripe-webhook.handler.ts',
    summary: "Stripe events, verified with the tenant's signing secret on the raw body; each event id is applied once",
    params: WebhookPathSchema,
    responses: [
      { status: 200, description: 'Received (also for a replay, an unknown invoice or an event type Arrears does not act on)', schema: WebhookAnswerSchema },
      { status: 400, description: 'The signature does not verify (or is too old): nothing was changed' },
      { status: 404, description: 'No webhook endpoint for that tenant' },
      { status: 409, description: 'Another delivery of this event is being handled right now: retry later (the provider does)' },
    ],
    public: true,
    startsExecutions: true,
    readsWebhookSecrets: true,
    wakesExecutions: true,
    // The event record, the payment or refund transaction with its invoice, the delinquency it wakes or reopens.
    dynamodb: { actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem'], indexes: [] },
  },
  {
    id: 'PostGenericWebhook',
    method: 'POST',
    path: '/v1/webhooks/generic/{tenantId}',
    handler: 'post-generic-webhook.handler.ts',
    summary: 'Payments, refunds and chargebacks from any processor, signed with HMAC-SHA256 (Arrears-Signature); each event id applied once',
    params: WebhookPathSchema,
    responses: [
      { status: 200, description: 'Received (also for a replay or an unknown invoice)', schema: WebhookAnswerSchema },
      { status: 400, description: 'The signature does not verify, or the body is not an event: nothing was changed' },
      { status: 404, description: 'No webhook endpoint for that tenant' },
      { status: 409, description: 'Another delivery of this event is being handled right now: retry later (the provider does)' },
    ],
    public: true,
    startsExecutions: true,
    readsWebhookSecrets: true,
    wakesExecutions: true,
    dynamodb: { actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem'], indexes: [] },
  },
  {
    id: 'GetDelinquency',
    method: 'GET',
    path: '/v1/delinquencies/{delinquencyId}',
    handler: 'get-delinquency.handler.ts',
    summary: 'One delinquency: status, stage, balance today, days past due, next action, disputes and its timeline',
    params: DelinquencyPathSchema,
    responses: [{ status: 200, description: 'The delinquency', schema: DelinquencyViewSchema }],
    // The balance is the invoice's (interest needs the customer and strategy; the default strategy is stored on first use).
    dynamodb: { actions: [...AUTHENTICATED_READ, 'GetItem', 'PutItem'], indexes: [] },
  },
  {
    id: 'PostPromise',
    method: 'POST',
    path: '/v1/delinquencies/{delinquencyId}/promises',
    handler: 'post-promise.handler.ts',
    summary: "Record a promise to pay: reminders pause until its date plus the tenant's grace days; payments decide it",
    params: DelinquencyPathSchema,
    body: PostPromiseBodySchema,
    responses: [
      { status: 201, description: 'The promise, open', schema: PaymentPromiseSchema },
      { status: 409, description: 'The delinquency is not active, or a promise is already open' },
    ],
    idempotent: true,
    wakesExecutions: true,
    // The delinquency, invoice, customer and tenant are read; the promise and delinquency are written together.
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
  },
  {
    id: 'PostPaymentPlan',
    method: 'POST',
    path: '/v1/delinquencies/{delinquencyId}/payment-plan',
    handler: 'post-payment-plan.handler.ts',
    summary: 'Agree a payment plan: instalments summing to the balance, optionally collected from a saved payment method',
    params: DelinquencyPathSchema,
    body: PostPlanBodySchema,
    responses: [
      { status: 201, description: 'The plan, active', schema: PaymentPlanSchema },
      { status: 409, description: 'A promise, plan or dispute is open, or the case is closed' },
    ],
    idempotent: true,
    wakesExecutions: true,
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
  },
  {
    id: 'PostDispute',
    method: 'POST',
    path: '/v1/delinquencies/{delinquencyId}/disputes',
    handler: 'post-dispute.handler.ts',
    summary: 'Open a dispute: escalation pauses until it is decided',
    params: DelinquencyPathSchema,
    body: PostDisputeBodySchema,
    responses: [
      { status: 201, description: 'The dispute, open', schema: DisputeSchema },
      { status: 409, description: 'A dispute is already open, or the case was handed off or written off' },
    ],
    idempotent: true,
    wakesExecutions: true,
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
  },
  {
    id: 'ResolveDispute',
    method: 'POST',
    path: '/v1/disputes/{disputeId}/resolve',
    handler: 'resolve-dispute.handler.ts',
    summary: "Decide a dispute: accepted (with an optional credit; above the tenant's limit a manager's key, not the opener's) or rejected (escalation resumes)",
    params: DisputePathSchema,
    body: ResolveDisputeBodySchema,
    responses: [
      { status: 200, description: 'The dispute, decided', schema: DisputeSchema },
      { status: 403, description: "The credit needs another key: a manager's, and not the one that opened the dispute" },
      { status: 409, description: 'The dispute was already decided' },
    ],
    idempotent: true,
    wakesExecutions: true,
    // The credit is an adjustment payment on the invoice (a transaction with the invoice); the decision is saved with the case.
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
  },
  {
    id: 'ListDisputes',
    method: 'GET',
    path: '/v1/disputes',
    handler: 'list-disputes.handler.ts',
    summary: "The tenant's disputes, newest first, with cursor pagination",
    query: DisputeListQuerySchema,
    responses: [{ status: 200, description: 'A page of disputes', schema: DisputePageSchema }],
    dynamodb: { actions: ['Query'], indexes: ['gsi1'] },
  },
  {
    id: 'ListTasks',
    method: 'GET',
    path: '/v1/tasks',
    handler: 'list-tasks.handler.ts',
    summary: "The collectors' open tasks (calls the ladder asked for), oldest due first, with cursor pagination",
    query: TaskListQuerySchema,
    responses: [{ status: 200, description: 'A page of open tasks', schema: TaskPageSchema }],
    dynamodb: { actions: ['Query'], indexes: ['gsi3'] },
  },
  {
    id: 'PostContact',
    method: 'POST',
    path: '/v1/delinquencies/{delinquencyId}/contacts',
    handler: 'post-contact.handler.ts',
    summary: 'Log a call, email, SMS or letter with its outcome; an outbound call that would break a Regulation F rule is refused',
    params: DelinquencyPathSchema,
    body: PostContactBodySchema,
    responses: [
      { status: 201, description: 'Logged', schema: ContactSchema },
      { status: 409, description: 'The call would break a rule (`rule`, `nextAllowedAt`): nothing was logged' },
    ],
    idempotent: true,
    // The delinquency, the customer with opt-outs, the debt's contact log; the contact, log and timeline in one transaction.
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem'], indexes: [] },
  },
  {
    id: 'ListContacts',
    method: 'GET',
    path: '/v1/delinquencies/{delinquencyId}/contacts',
    handler: 'list-contacts.handler.ts',
    summary: "A delinquency's contacts, newest first, with cursor pagination",
    params: DelinquencyPathSchema,
    query: ContactListQuerySchema,
    responses: [{ status: 200, description: 'A page of contacts', schema: ContactPageSchema }],
    dynamodb: { actions: [...AUTHENTICATED_READ, 'GetItem'], indexes: [] },
  },
  {
    id: 'GetContactWindow',
    method: 'GET',
    path: '/v1/delinquencies/{delinquencyId}/contact-window',
    handler: 'get-contact-window.handler.ts',
    summary: 'The earliest moment from now a contact on a channel is allowed, and the rule that forbids it now',
    params: DelinquencyPathSchema,
    query: ContactWindowQuerySchema,
    responses: [{ status: 200, description: 'The window', schema: ContactWindowSchema }],
    dynamodb: { actions: [...AUTHENTICATED_READ, 'GetItem'], indexes: [] },
  },
  {
    id: 'PostCaseContact',
    method: 'POST',
    path: '/v1/customers/{customerId}/contacts',
    handler: 'post-case-contact.handler.ts',
    summary: "Log one contact on the customer's case: a conversation counts for every open debt, an unanswered attempt against the oldest",
    params: CustomerPathSchema,
    body: PostContactBodySchema,
    responses: [
      { status: 201, description: 'Logged against the debts it counts for', schema: ContactSchema },
      { status: 409, description: 'The call would break a rule for a debt it counts against, or no debt is open' },
    ],
    idempotent: true,
    // The customer's open delinquencies come from gsi1.
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem'], indexes: ['gsi1'] },
  },
  {
    id: 'GetPayPage',
    method: 'GET',
    path: '/v1/pay/{token}',
    handler: 'get-pay-page.handler.ts',
    summary: "The customer's pay page behind a reminder's link: what is owed, a way to pay, a promise or a dispute",
    params: PayTokenPathSchema,
    responses: [{ status: 200, description: 'An HTML page' }],
    public: true,
    // The invoice's balance today needs the customer and the strategy (stored on first use).
    dynamodb: { actions: ['Query', 'GetItem', 'PutItem'], indexes: [] },
  },
  {
    id: 'PostPayPromise',
    method: 'POST',
    path: '/v1/pay/{token}/promise',
    handler: 'post-pay-promise.handler.ts',
    summary: 'From the pay page (a form): the customer promises to pay the balance by a date',
    params: PayTokenPathSchema,
    responses: [{ status: 200, description: 'The pay page, showing the promise' }],
    public: true,
    wakesExecutions: true,
    dynamodb: { actions: ['Query', 'GetItem', 'PutItem', 'UpdateItem'], indexes: [] },
  },
  {
    id: 'PostPayDispute',
    method: 'POST',
    path: '/v1/pay/{token}/dispute',
    handler: 'post-pay-dispute.handler.ts',
    summary: 'From the pay page (a form): the customer says something is wrong with the invoice',
    params: PayTokenPathSchema,
    responses: [{ status: 200, description: 'The pay page, showing the dispute' }],
    public: true,
    wakesExecutions: true,
    dynamodb: { actions: ['Query', 'GetItem', 'PutItem', 'UpdateItem'], indexes: [] },
  },
  {
    id: 'GetCredit',
    method: 'GET',
    path: '/v1/customers/{customerId}/credit',
    handler: 'get-credit.handler.ts',
    summary: "The customer's credit position: limit, exposure (open balance plus unbilled), available credit, and the hold with its reasons",
    params: CustomerPathSchema,
    responses: [{ status: 200, description: 'The credit position', schema: CreditViewSchema }],
    dynamodb: { actions: ['Query', 'GetItem'], indexes: ['gsi1'] },
  },
  {
    id: 'PutUnbilled',
    method: 'PUT',
    path: '/v1/customers/{customerId}/unbilled',
    handler: 'put-unbilled.handler.ts',
    summary: "Report what the customer has been delivered but not yet invoiced (replaces the last report); the credit hold is reviewed at once",
    params: CustomerPathSchema,
    body: PutUnbilledBodySchema,
    responses: [{ status: 200, description: 'The credit position after the report', schema: CreditViewSchema }],
    idempotent: true,
    publishesEvents: true,
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem'], indexes: ['gsi1'] },
  },
  {
    id: 'GetScoreModel',
    method: 'GET',
    path: '/v1/scoring/model',
    handler: 'get-score-model.handler.ts',
    summary: "The propensity-to-pay scorecard in use: the tenant's fitted weights, or the documented default",
    responses: [{ status: 200, description: 'The scorecard', schema: ScoreModelSchema }],
    dynamodb: { actions: ['Query', 'GetItem'], indexes: [] },
  },
  {
    id: 'PutScoreModel',
    method: 'PUT',
    path: '/v1/scoring/model',
    handler: 'put-score-model.handler.ts',
    summary: "A manager installs a scorecard fitted on the tenant's own history (npm run score:fit)",
    body: ScoreModelSchema,
    responses: [{ status: 200, description: 'The scorecard now in use', schema: ScoreModelSchema }],
    idempotent: true,
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem'], indexes: [] },
  },
  {
    id: 'GetScoringHistory',
    method: 'GET',
    path: '/v1/scoring/history',
    handler: 'get-scoring-history.handler.ts',
    summary: 'Closed delinquencies of a month with the score inputs they opened with and whether they ended paid: what a scorecard is fitted on',
    query: ScoringHistoryQuerySchema,
    responses: [{ status: 200, description: 'A page of the history', schema: ScoringHistoryPageSchema }],
    dynamodb: { actions: ['Query'], indexes: ['gsi3'] },
  },
  {
    id: 'ListDelinquencies',
    method: 'GET',
    path: '/v1/delinquencies',
    handler: 'list-delinquencies.handler.ts',
    summary: 'The work queue: open delinquencies, highest expected recovery first, filtered by status, assignee, score band and currency',
    query: QueueQuerySchema,
    responses: [{ status: 200, description: 'A page of the queue', schema: QueuePageSchema }],
    dynamodb: { actions: ['Query'], indexes: ['gsi3', 'gsi4'] },
  },
  {
    id: 'PutAssignee',
    method: 'PUT',
    path: '/v1/delinquencies/{delinquencyId}/assignee',
    handler: 'put-assignee.handler.ts',
    summary: "A manager gives a delinquency to a collector (or to no one); the collectors' loads move with it",
    params: DelinquencyPathSchema,
    body: PutAssigneeBodySchema,
    responses: [{ status: 200, description: 'The delinquency as the queue shows it', schema: QueueItemSchema }],
    idempotent: true,
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
  },
  {
    id: 'PutCollector',
    method: 'PUT',
    path: '/v1/collectors/{collectorId}',
    handler: 'put-collector.handler.ts',
    summary: 'A manager registers or changes a collector: name, capacity for automatic assignment, active',
    params: CollectorPathSchema,
    body: PutCollectorBodySchema,
    responses: [
      { status: 201, description: 'Registered', schema: CollectorSchema },
      { status: 200, description: 'Changed', schema: CollectorSchema },
    ],
    idempotent: true,
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'UpdateItem'], indexes: [] },
  },
  {
    id: 'ListCollectors',
    method: 'GET',
    path: '/v1/collectors',
    handler: 'list-collectors.handler.ts',
    summary: "The tenant's collectors with capacity, open load and monthly results",
    responses: [{ status: 200, description: 'The collectors', schema: CollectorListSchema }],
    dynamodb: { actions: AUTHENTICATED_READ, indexes: [] },
  },
  {
    id: 'GetAgingReport',
    method: 'GET',
    path: '/v1/reports/aging',
    handler: 'get-aging-report.handler.ts',
    summary: 'Aging: open balance per currency in buckets by days past due (current, 1-30, 31-60, 61-90, 91+) as of a day, optionally by segment, country or collector',
    query: AgingQuerySchema,
    responses: [{ status: 200, description: 'The aging', schema: AgingReportSchema }],
    // The tenant's zone (GetItem) and the pre-aggregated counters: a snapshot and the days since (Query).
    dynamodb: { actions: ['Query', 'GetItem'], indexes: [] },
  },
  {
    id: 'GetKpiReport',
    method: 'GET',
    path: '/v1/reports/kpis',
    handler: 'get-kpi-report.handler.ts',
    summary: 'Collection KPIs of a period per currency: count-back DSO, best possible DSO, average days delinquent, CEI, promise-kept, recovery, cure and roll rates',
    query: KpiQuerySchema,
    responses: [{ status: 200, description: 'The KPIs', schema: KpiReportSchema }],
    dynamodb: { actions: ['Query', 'GetItem'], indexes: [] },
  },
  {
    id: 'GetCustomerExport',
    method: 'GET',
    path: '/v1/customers/{customerId}/export',
    handler: 'get-customer-export.handler.ts',
    summary: 'Everything held about one customer (GDPR access): the customer, opt-outs, invoices, payments, cases with timelines, promises, plans, disputes, contacts',
    params: CustomerPathSchema,
    responses: [{ status: 200, description: 'The export', schema: CustomerExportSchema }],
    // The customer's partition, its invoices and cases through gsi1, then each of their partitions.
    dynamodb: { actions: AUTHENTICATED_READ, indexes: ['gsi1'] },
  },
  {
    id: 'DeleteCustomer',
    method: 'DELETE',
    path: '/v1/customers/{customerId}',
    handler: 'delete-customer.handler.ts',
    summary: "A manager erases a customer's personal data (GDPR); invoices and payments are kept, anonymised, for the retention period, and the decision is recorded",
    params: CustomerPathSchema,
    responses: [
      { status: 200, description: 'Erased (also when it already was: the recorded decision)', schema: ErasureSchema },
      { status: 403, description: "Erasure needs a manager's key" },
    ],
    idempotent: true,
    // Reads everything about the customer (gsi1), rewrites or deletes the items that hold personal data.
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem'], indexes: ['gsi1'] },
  },
  {
    id: 'PostApiKey',
    method: 'POST',
    path: '/v1/api-keys',
    handler: 'post-api-key.handler.ts',
    summary: "A manager issues another API key for the tenant (rotation: issue, move over, revoke the old one); the key is shown once",
    body: PostApiKeyBodySchema,
    responses: [
      { status: 201, description: 'The new key, shown this once', schema: IssuedApiKeySchema },
      { status: 403, description: "Needs a manager's key" },
    ],
    // Not idempotent on purpose: a replay record would keep the key itself for a day. A retried request issues another
    // key, which the manager revokes like any other.
    // The key's hash and its listing are written together.
    dynamodb: { actions: ['Query', 'PutItem'], indexes: [] },
  },
  {
    id: 'ListApiKeys',
    method: 'GET',
    path: '/v1/api-keys',
    handler: 'list-api-keys.handler.ts',
    summary: "The tenant's API keys: ids, roles, who issued and revoked them (never the keys)",
    responses: [{ status: 200, description: 'The keys', schema: ApiKeyListSchema }],
    dynamodb: { actions: AUTHENTICATED_READ, indexes: [] },
  },
  {
    id: 'DeleteApiKey',
    method: 'DELETE',
    path: '/v1/api-keys/{keyId}',
    handler: 'delete-api-key.handler.ts',
    summary: 'A manager revokes an API key: it stops working on the next request (a key cannot revoke itself)',
    params: ApiKeyPathSchema,
    responses: [
      { status: 200, description: 'Revoked (also when it already was)', schema: ApiKeyRecordSchema },
      { status: 409, description: 'A key cannot revoke itself' },
    ],
    idempotent: true,
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
  },
  {
    id: 'GetOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    handler: 'get-openapi.handler.ts',
    summary: 'This API described as OpenAPI 3.1',
    responses: [{ status: 200, description: 'The OpenAPI document' }],
    public: true,
    dynamodb: { actions: [], indexes: [] },
  },
] as const satisfies readonly ApiRoute[];

export type ApiRouteId = (typeof apiRoutes)[number]['id'];

export const routeById = <Id extends ApiRouteId>(id: Id): Extract<(typeof apiRoutes)[number], { id: Id }> =>
  apiRoutes.find((route) => route.id === id) as Extract<(typeof apiRoutes)[number], { id: Id }>;
