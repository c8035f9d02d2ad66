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
import type { IndexName } from '../../shared/adapters/dynamodb/table-design';

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
    dynamodb: { actions: IDEMPOTENT_WRITE, indexes: [] },
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
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem'], indexes: [] },
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
    dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
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
