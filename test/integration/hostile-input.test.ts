// Every route of the route table, fed generated hostile requests through its real handler: never a 5xx, refusals are problem+json and write nothing.
import { signPortalToken } from '../../shared/domain/portal-token';
import { fixedPortalSigningKey } from '../../shared/ports/portal-signing-key.port';
import fc from 'fast-check';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { apiRoutes, type ApiRoute } from '../../functions/api/routes';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import type { ApiContext, ApiEvent } from '../../shared/middleware/api-context';
import { SCORE_FEATURES } from '../../shared/schemas/score.schema';
import type { ApiKeyRole } from '../../shared/schemas/tenant.schema';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { signatureHeader } from '../../shared/webhooks/signature';
import { apiEvent, context } from '../fixtures/api-event';
import { startTestUserPool, type TestUserPool } from '../fixtures/test-user-pool';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';
import { asFunction } from '../../local/iam/function-scope';
import { aDelinquency } from '../fixtures/delinquency';

/** Fixed so a failure replays exactly; the runs per route keep the file well under a minute on two cores. */
const SEED = 20_261_210;
const RUNS_PER_ROUTE = 25;
const MAX_BODY_BYTES = 65_536;

const KEYS: Record<ApiKeyRole, string> = {
  partner: 'fuzz-partner-key-0001',
  collector: 'fuzz-collector-key-01',
  manager: 'fuzz-manager-key-0001',
};
const WEBHOOK_SECRET = 'whsec_fuzz_0001';
const clock = fixedClock('2026-12-10T10:00:00Z');
const PORTAL_KEY = 'fuzz-portal-key';

let table: TestTable;
let userPool: TestUserPool;
let deps: ApiDependencies;
/** Ids that exist, so generated requests reach past "not found" into the use cases. */
const known: Record<string, string[]> = {
  customerId: ['c1', 'c2'],
  invoiceId: ['inv1', 'inv2'],
  delinquencyId: ['dlq-inv1'],
  disputeId: ['dsp_unknown'],
  strategyId: ['default', 'gentle'],
  collectorId: ['col1'],
  tenantId: ['t1', 't2'],
  token: [],
  keyId: ['key_fuzz_partner'],
};

beforeAll(async () => {
  table = await createTestTable();
  userPool = await startTestUserPool(table, clock);
  deps = {
    ...table.deps(clock),
    ...userPool.deps,
    webhookSecrets: { secretFor: async (tenantId) => (tenantId === 't1' ? WEBHOOK_SECRET : null) },
    portalSigningKey: fixedPortalSigningKey(PORTAL_KEY),
  };
  await deps.tenants.putTenant({
    id: 't1',
    name: 'Acme',
    sendTime: '09:00',
    promiseGraceDays: 2,
    timeZone: 'UTC',
    disputeApprovalAbove: 100_000,
    statementMode: 'customer',
    creditHoldDaysPastDue: 30,
    createdAt: 'now',
  });
  for (const [role, key] of Object.entries(KEYS)) {
    await deps.tenants.putApiKey(
      sha256Hex(key),
      { tenantId: 't1', role: role as ApiKeyRole, keyId: `key_fuzz_${role}` },
      'now',
    );
  }
  await putCustomer(deps, 't1', 'c1', {
    name: 'Ada Lovelace',
    kind: 'consumer',
    email: 'ada@example.com',
    phone: '+4791234567',
    timeZone: 'Europe/Oslo',
    creditLimit: { amount: 500_000, currency: 'EUR' },
  });
  // Another tenant's customer: reachable by id, never through t1's keys.
  await putCustomer(deps, 't2', 'c2', { name: 'Grace Hopper', kind: 'business', timeZone: 'America/New_York' });
  await putInvoice(deps, 't1', 'inv1', {
    customerId: 'c1',
    amount: 120_000,
    currency: 'EUR',
    issuedAt: '2026-10-01',
    dueDate: '2026-11-01',
  });
  const now = clock.now().toISOString();
  await deps.delinquencies.open(
    't1',
    aDelinquency({
      id: 'dlq-inv1',
      invoiceId: 'inv1',
      customerId: 'c1',
      stage: 'overdue',
      doneSteps: ['overdue'],
      openedAt: now,
      balance: 120_000,
    }),
    { id: 'tl-dlq-inv1', at: now, kind: 'delinquency.opened', actor: 'schedule', detail: 'opened for the fuzzing' },
  );
  watchWrites(table.client);
  known.token!.push(
    await deps.unsubscribeTokens.tokenFor({
      tenantId: 't1',
      customerId: 'c1',
      channel: 'email',
      address: 'ada@example.com',
    }),
    await deps.payTokens.tokenFor({ tenantId: 't1', invoiceId: 'inv1', customerId: 'c1' }),
    signPortalToken({ kind: 'case', tenantId: 't1', delinquencyId: 'dlq-inv1' }, PORTAL_KEY, clock.now()),
  );
});
afterAll(async () => {
  if (process.env.FUZZ_STATS)
    for (const [id, counts] of seen) process.stderr.write(`${id} ${JSON.stringify(Object.fromEntries(counts))}\n`);
  table.destroy();
  await userPool.stop();
});

/** Well-formed bodies per route (where the route takes one), the starting point of mutations; new routes get random bodies. */
const validBodies: Record<string, unknown> = {
  PutCustomer: {
    name: 'Ada Lovelace',
    kind: 'consumer',
    email: 'ada@example.com',
    phone: '+4791234567',
    timeZone: 'Europe/Oslo',
    locale: 'nb-NO',
    country: 'NO',
    segment: 'retail',
  },
  PostOptOut: { channel: 'email', address: 'ada@example.com' },
  PostCasePayment: { amount: 1_000, currency: 'EUR', reference: 'bank-1' },
  PutInvoice: {
    customerId: 'c1',
    amount: 50_000,
    currency: 'EUR',
    issuedAt: '2026-11-01',
    dueDate: '2026-11-20',
    description: 'Power, November',
  },
  PostPayment: { amount: 1_000, currency: 'EUR', reference: 'bank-2', paidAt: '2026-12-09T12:00:00Z' },
  PutStrategy: {
    name: 'Gentle',
    steps: [
      { id: 'first', offsetDays: 3, channel: 'email', template: 'reminder-1' },
      { id: 'fee', offsetDays: 10, channel: 'email', fee: { amount: 500 } },
    ],
    interest: { rule: 'simple', annualRatePercent: 8 },
  },
  PostPromise: { amount: 120_000, date: '2026-12-20' },
  PostPaymentPlan: {
    installments: [
      { dueDate: '2026-12-20', amount: 60_000 },
      { dueDate: '2027-01-20', amount: 60_000 },
    ],
  },
  PostDispute: { reason: 'the meter reading is wrong' },
  ResolveDispute: { outcome: 'accepted', adjustment: 1_000, note: 'goodwill' },
  PostContact: { channel: 'call', direction: 'outbound', outcome: 'conversation' },
  PostCaseContact: { channel: 'email', direction: 'inbound', outcome: 'conversation' },
  PutUnbilled: { amount: 10_000, currency: 'EUR' },
  PutAssignee: { collectorId: 'col1' },
  PutCollector: { name: 'Kari', email: 'kari@example.com', capacity: 50, active: true },
  PutScoreModel: {
    id: 'fitted-1',
    intercept: 0.2,
    weights: Object.fromEntries(SCORE_FEATURES.map((name) => [name, 0.1])),
  },
  PostApiKey: { role: 'collector' },
  PatchTenant: {
    legalName: 'Acme Energi AS',
    bank: { accountHolder: 'Acme Energi AS', iban: 'NO93 8601 1117 947', bic: 'DNBANOKK' },
    quietHours: { start: '09:00', end: '20:00' },
  },
};

/** Queries that pass, so the generated ones start from something real. */
const validQueries: Record<string, Record<string, string>> = {
  GetKpiReport: { from: '2026-11-01', to: '2026-11-30' },
  GetScoringHistory: { month: '2026-12' },
  GetContactWindow: { channel: 'call' },
  GetAgingReport: { asOf: '2026-12-01', by: 'segment' },
  ListDelinquencies: { status: 'active', limit: '10' },
};

/** The portal's forms, posted by a browser. */
const validForms: Record<string, Record<string, string>> = {
  PostPortalPay: { amount: '10.00' },
  PostPortalPromise: { date: '2026-12-20' },
  PostPortalPlan: { installments: '3' },
  PostPortalDispute: { invoiceId: 'inv1', category: 'wrong-amount', text: 'I was charged twice' },
  PostPortalPreferences: { sms: 'stop' },
};

/** Signed provider events that verify, so the fuzzing reaches the event parsing and the payment logic behind it. */
const validEvents: Record<string, unknown> = {
  PostStripeWebhook: {
    id: 'evt_fuzz_1',
    object: 'event',
    type: 'payment_intent.succeeded',
    data: {
      object: {
        id: 'pi_fuzz_1',
        object: 'payment_intent',
        amount_received: 1_000,
        currency: 'eur',
        metadata: { invoice_id: 'inv1' },
      },
    },
  },
  PostGenericWebhook: {
    id: 'gen_fuzz_1',
    type: 'payment.succeeded',
    payment: { id: 'pay_fuzz_1', invoiceId: 'inv1', amount: 1_000, currency: 'EUR' },
  },
};

const HOSTILE_STRINGS = [
  '',
  ' ',
  '../../etc/passwd',
  'c1#CUSTOMER',
  'TENANT#t2#CUSTOMER#c2',
  'APIKEY#00',
  "' OR '1'='1' --",
  '"; DROP TABLE x; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://example.com/a}',
  '{{7*7}}',
  '%00',
  '\u0000',
  'c1\n',
  '__proto__',
  'constructor',
  'ádá-ü',
  '🙂',
  '\ud800',
  'a'.repeat(129),
  'x'.repeat(5_000),
  '-1',
  '1e308',
  'NaN',
  'null',
  '[object Object]',
];

const hostileString = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 3 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,20}$/), weight: 2 },
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.constantFrom(0, -1, 1.5, Number.MAX_SAFE_INTEGER, 1e21, -1e21, true, false, null),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Replaces, drops or adds one field somewhere in a JSON value. */
const mutate = (value: unknown): fc.Arbitrary<unknown> => {
  if (value === null || typeof value !== 'object') return hostileValue;
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  const rebuild = (pairs: (readonly [string, unknown])[]) =>
    Array.isArray(value) ? pairs.map(([, item]) => item) : Object.fromEntries(pairs);
  const options: fc.Arbitrary<unknown>[] = [
    fc.tuple(hostileString, hostileValue).map(([key, extra]) => rebuild([...entries, [key, extra]])),
  ];
  if (entries.length > 0) {
    options.push(
      fc.nat(entries.length - 1).chain((index) =>
        fc.oneof(
          fc.constant(rebuild(entries.filter((_, at) => at !== index))),
          hostileValue.map((replacement) =>
            rebuild(entries.map(([key, item], at) => [key, at === index ? replacement : item] as const)),
          ),
          mutate(entries[index]![1]).map((replacement) =>
            rebuild(entries.map(([key, item], at) => [key, at === index ? replacement : item] as const)),
          ),
        ),
      ),
    );
  }
  return fc.oneof(...options);
};

const rawBody = (valid: unknown): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    { arbitrary: fc.constant(JSON.stringify(valid ?? {})), weight: 2 },
    { arbitrary: mutate(valid ?? {}).map((body) => JSON.stringify(body) ?? 'undefined'), weight: 6 },
    { arbitrary: fc.jsonValue({ maxDepth: 4 }).map((body) => JSON.stringify(body)), weight: 2 },
    { arbitrary: fc.string({ maxLength: 60 }), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        undefined,
        '',
        'null',
        '[]',
        '{',
        '{"a":',
        '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]',
        '\u0000',
        '"just a string"',
        '{"__proto__":{"polluted":true}}',
        '{"constructor":{"prototype":{"x":1}}}',
      ),
      weight: 1,
    },
    {
      arbitrary: fc.constant(JSON.stringify({ ...(valid as object), padding: 'p'.repeat(MAX_BODY_BYTES) })),
      weight: 1,
    },
  );

const formBody = (valid: Record<string, string>): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    fc.constant(new URLSearchParams(valid).toString()),
    fc
      .dictionary(fc.oneof(fc.constantFrom(...Object.keys(valid)), hostileString), hostileString, { maxKeys: 3 })
      .map((form) => new URLSearchParams(form).toString()),
    rawBody({}),
  );

const pathValue = (name: string) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...(known[name]?.length ? known[name]! : ['missing'])), weight: 3 },
    { arbitrary: hostileString, weight: 2 },
  );

const paramNames = (route: ApiRoute) => [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);

/** The route's own query parameter names (read from its strict schema), plus strangers. */
const queryNames = (route: ApiRoute): string[] => {
  const shape = (route.query as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
};
const QUERY_VALUES = [
  '2026-12-01',
  '2026-11',
  'json',
  'html',
  'call',
  'email',
  'active',
  'unassigned',
  'EUR',
  'segment',
  '25',
  '0',
  '101',
  'eyJ4IjoxfQ',
  'bm90IGpzb24',
];
const queryArb = (route: ApiRoute) => {
  const names = queryNames(route);
  const value = fc.oneof(fc.constantFrom(...QUERY_VALUES), hostileString);
  const own =
    names.length > 0 ? fc.dictionary(fc.constantFrom(...names), value, { maxKeys: names.length }) : fc.constant({});
  const valid = validQueries[route.id];
  return fc.oneof(
    { arbitrary: valid ? fc.constant(valid) : own, weight: 3 },
    { arbitrary: own, weight: 3 },
    { arbitrary: fc.dictionary(hostileString, value, { maxKeys: 3 }), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
};

const authorizationArb = fc.oneof(
  { arbitrary: fc.constantFrom(...Object.values(KEYS)).map((key) => `Bearer ${key}`), weight: 16 },
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: hostileString.map((key) => `Bearer ${key}`), weight: 1 },
  { arbitrary: hostileString, weight: 1 },
);

interface FuzzRequest {
  params: Record<string, string>;
  query: Record<string, string> | undefined;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  contentType: string;
  body: string | undefined;
  base64: boolean;
  signature: 'valid' | 'stale' | 'none' | string;
}

const isWebhook = (route: ApiRoute) => route.path.startsWith('/v1/webhooks/');

const requestArb = (route: ApiRoute): fc.Arbitrary<FuzzRequest> => {
  const params = fc.record(
    Object.fromEntries(paramNames(route).map((name) => [name, pathValue(name)])) as Record<
      string,
      fc.Arbitrary<string>
    >,
  );
  // The payment webhooks (signed bodies); other routes may read the provider secret too (erasure's key).
  const webhook = isWebhook(route);
  const takesBody = route.body !== undefined || webhook;
  return fc.record({
    params,
    query: route.query
      ? queryArb(route)
      : fc.oneof(fc.constant(undefined), fc.dictionary(hostileString, hostileString, { maxKeys: 2 })),
    authorization: authorizationArb,
    idempotencyKey: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 3 },
      { arbitrary: fc.stringMatching(/^[!-~]{1,40}$/), weight: 2 },
      { arbitrary: hostileString, weight: 1 },
    ),
    contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
    body: validForms[route.id]
      ? formBody(validForms[route.id]!)
      : takesBody
        ? rawBody(validBodies[route.id] ?? validEvents[route.id])
        : fc.oneof(fc.constant(undefined), rawBody({})),
    base64: fc.boolean(),
    signature: webhook
      ? fc.oneof(
          { arbitrary: fc.constant('valid'), weight: 6 },
          { arbitrary: fc.constantFrom('stale', 'none'), weight: 1 },
          { arbitrary: hostileString, weight: 1 },
        )
      : fc.constant('none'),
  });
};

const toEvent = (route: ApiRoute, request: FuzzRequest): ApiEvent => {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(request.params[name] ?? ''));
  const headers: Record<string, string> = { 'content-type': request.contentType };
  if (request.authorization !== undefined) headers.authorization = request.authorization;
  if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
  if (isWebhook(route) && request.signature !== 'none') {
    const now = Math.floor(Date.now() / 1000);
    const header =
      request.signature === 'valid'
        ? signatureHeader(request.body ?? '', WEBHOOK_SECRET, now)
        : request.signature === 'stale'
          ? signatureHeader(request.body ?? '', WEBHOOK_SECRET, now - 3_600)
          : request.signature;
    headers[route.id === 'PostStripeWebhook' ? 'stripe-signature' : 'arrears-signature'] = header;
  }
  const event = apiEvent({
    method: route.method,
    routePath: route.path,
    path,
    pathParameters: request.params,
    headers,
    body: request.body,
  });
  if (request.base64 && request.body !== undefined) {
    event.body = Buffer.from(request.body, 'utf8').toString('base64');
    event.isBase64Encoded = true;
  }
  if (request.query) {
    event.queryStringParameters = request.query;
    event.rawQueryString = new URLSearchParams(request.query).toString();
  }
  if (Object.keys(request.params).length === 0) delete event.pathParameters;
  return event;
};

const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
  'PutCommand',
  'UpdateCommand',
  'DeleteCommand',
  'TransactWriteCommand',
  'BatchWriteCommand',
]);
/** Set when a write succeeded since it was last cleared: only then is the table read again (a scan per request is slow). */
let wrote = false;
const watchWrites = (client: TestTable['client']) =>
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (WRITES.has(String(context.commandName))) wrote = true;
      return result;
    },
    { step: 'initialize', name: 'fuzzWriteWatch' },
  );

/** The table's contents, minus idempotency records (a refused request may release its claim, which is bookkeeping, not data). */
const snapshot = async (): Promise<Map<string, string>> => {
  const items = new Map<string, string>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.client.send(new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      if (item.type === 'IdempotencyRecord') continue;
      items.set(
        `${item.pk} | ${item.sk}`,
        JSON.stringify(Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))),
      );
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};

const changes = (before: Map<string, string>, after: Map<string, string>): string[] => {
  const changed: string[] = [];
  for (const [key, value] of after)
    if (before.get(key) !== value) changed.push(before.has(key) ? `changed ${key}` : `added ${key}`);
  for (const key of before.keys()) if (!after.has(key)) changed.push(`removed ${key}`);
  return changed;
};

const handlers = new Map<string, (event: ApiEvent, context: ApiContext) => Promise<APIGatewayProxyResultV2>>();
const handlerFor = async (route: ApiRoute) => {
  if (!handlers.has(route.id)) {
    const module = (await import(`../../functions/api/${route.handler.replace(/\.ts$/, '')}`)) as {
      createHandler: (
        deps: ApiDependencies,
      ) => (event: ApiEvent, context: ApiContext) => Promise<APIGatewayProxyResultV2>;
    };
    handlers.set(route.id, asFunction(route.id, module.createHandler(deps)));
  }
  return handlers.get(route.id)!;
};

const summary = (route: ApiRoute, request: FuzzRequest, status: number, body: string) =>
  `${route.method} ${route.path} answered ${status}: ${body.slice(0, 400)}\nrequest: ${JSON.stringify({ ...request, body: request.body?.slice(0, 300) })}`;

/** Answers seen per route: the fuzzing is worth something only if it gets past authentication and validation. */
const seen = new Map<string, Map<number, number>>();
const tally = (routeId: string, status: number) => {
  const counts = seen.get(routeId) ?? new Map<number, number>();
  counts.set(status, (counts.get(status) ?? 0) + 1);
  seen.set(routeId, counts);
};

/** Routes whose answer is a page for a person (the portal's forms): a refusal is that page with the reason on it. */
const answersPages = (route: ApiRoute) =>
  route.responses.some((response) => response.schema === undefined && /page/i.test(response.description));

describe('hostile input on every route', () => {
  let current: Map<string, string>;
  beforeAll(async () => {
    // The watch must see writes, or every refusal would pass the no-write check unread.
    wrote = false;
    await putCustomer(deps, 't1', 'c3', { name: 'Watch Check', kind: 'consumer', timeZone: 'UTC' });
    expect(wrote).toBe(true);
    current = await snapshot();
  });

  it.each((apiRoutes as readonly ApiRoute[]).map((route) => [route.id, route] as const))(
    '%s never fails with 5xx, answers refusals as problem+json, and a refusal writes nothing',
    async (_id, route) => {
      const handler = await handlerFor(route);
      await fc.assert(
        fc.asyncProperty(requestArb(route), async (request) => {
          wrote = false;
          const response = (await handler(toEvent(route, request), context(route.id))) as {
            statusCode: number;
            headers?: Record<string, string>;
            body?: string;
          };
          const body = response.body ?? '';
          tally(route.id, response.statusCode);
          if (response.statusCode >= 500) throw new Error(summary(route, request, response.statusCode, body));
          const after = wrote ? await snapshot() : current;
          const written = changes(current, after);
          current = after;
          if (response.statusCode < 400) return;
          if (answersPages(route) && response.headers?.['content-type']?.startsWith('text/html')) {
            expect(body).toContain('<html');
          } else {
            expect(response.headers?.['content-type']).toBe('application/problem+json');
            const problem = JSON.parse(body) as Record<string, unknown>;
            expect(problem).toMatchObject({
              type: expect.any(String),
              title: expect.any(String),
              status: response.statusCode,
            });
          }
          if (written.length > 0)
            throw new Error(
              `a refused request wrote: ${written.join(', ')}\n${summary(route, request, response.statusCode, body)}`,
            );
        }),
        { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    },
  );

  it('refuses a body over the size limit with 413 problem+json on every route that takes one, before reading it', async () => {
    const withBodies = (apiRoutes as readonly ApiRoute[]).filter(
      (route) => route.body !== undefined || isWebhook(route),
    );
    expect(withBodies.length).toBeGreaterThan(10);
    for (const route of withBodies) {
      wrote = false;
      const request: FuzzRequest = {
        params: Object.fromEntries(paramNames(route).map((name) => [name, known[name]?.[0] ?? 'x1'])),
        query: undefined,
        authorization: `Bearer ${KEYS.manager}`,
        idempotencyKey: undefined,
        contentType: 'application/json',
        body: JSON.stringify({ ...(validBodies[route.id] as object), padding: 'p'.repeat(MAX_BODY_BYTES) }),
        base64: false,
        signature: 'valid',
      };
      const response = (await (
        await handlerFor(route)
      )(toEvent(route, request), context(route.id))) as {
        statusCode: number;
        headers?: Record<string, string>;
        body?: string;
      };
      expect({ route: route.id, status: response.statusCode, type: response.headers?.['content-type'] }).toEqual({
        route: route.id,
        status: 413,
        type: 'application/problem+json',
      });
      expect(wrote).toBe(false);
    }
  });
});
