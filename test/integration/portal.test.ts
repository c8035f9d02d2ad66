// The customer's portal against DynamoDB Local, each route as its own function under its synthesized role: every page
// and every form, a refusal changes nothing and speaks the page's language, each act lands on the case's timeline.
import { createHandler as getPortal } from '../../functions/api/get-portal.handler';
import { createHandler as getPlan } from '../../functions/api/get-portal-plan.handler';
import { createHandler as getReceipt } from '../../functions/api/get-portal-receipt.handler';
import { createHandler as getStatement } from '../../functions/api/get-portal-statement.handler';
import { createHandler as postPay } from '../../functions/api/post-portal-pay.handler';
import { createHandler as postPromise } from '../../functions/api/post-portal-promise.handler';
import { createHandler as postPlan } from '../../functions/api/post-portal-plan.handler';
import { createHandler as postDispute } from '../../functions/api/post-portal-dispute.handler';
import { createHandler as postPreferences } from '../../functions/api/post-portal-preferences.handler';
import { createHandler as getPayPage } from '../../functions/api/get-pay-page.handler';
import { signPortalToken, verifyPortalToken } from '../../shared/domain/portal-token';
import { stableId } from '../../shared/domain/ids';
import { formatReference, isCreditorReference, transferReference } from '../../shared/domain/transfer-reference';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import type { CardCheckout, CheckoutRequest } from '../../shared/ports/card-checkout.port';
import { fixedPortalSigningKey } from '../../shared/ports/portal-signing-key.port';
import type { Tenant } from '../../shared/schemas/tenant.schema';
import { putCustomer } from '../../shared/use-cases/customers';
import { getDelinquencyView } from '../../shared/use-cases/delinquency-view';
import { applyInvoicePayment, putInvoice } from '../../shared/use-cases/invoices';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { aDelinquency } from '../fixtures/delinquency';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

const KEY = 'portal-test-key';
const HOST = 'pay.example.com';
const FORM = {
  host: HOST,
  origin: `https://${HOST}`,
  'sec-fetch-site': 'same-origin',
  'content-type': 'application/x-www-form-urlencoded',
};
const clock = fixedClock('2026-12-10T10:00:00Z');
let table: TestTable;
let deps: ApiDependencies;

/** A checkout that records what it was asked for; `available` false is a tenant without a Stripe key. */
const checkout = {
  available: true,
  requests: [] as CheckoutRequest[],
  sessions: new Map<
    string,
    { status: 'open' | 'complete' | 'expired'; paymentStatus: 'paid' | 'unpaid'; amount: number; currency: string }
  >(),
};
const fakeCheckout: CardCheckout = {
  createSession: async (request) => {
    if (!checkout.available) return null;
    checkout.requests.push(request);
    return {
      id: `cs_test_${checkout.requests.length}`,
      url: `https://checkout.stripe.com/c/pay/cs_test_${checkout.requests.length}`,
    };
  },
  getSession: async (_tenantId, sessionId) => checkout.sessions.get(sessionId) ?? null,
};

const tenant = {
  id: 'nordlys',
  name: 'Nordlys Energi AS',
  sendTime: '09:00',
  promiseGraceDays: 2,
  timeZone: 'Europe/Oslo',
  disputeApprovalAbove: 100_000,
  statementMode: 'customer',
  creditHoldDaysPastDue: 30,
  createdAt: 'now',
  // The settings part's fields, as the portal reads them.
  locale: 'en',
  legalName: 'Nordlys Energi AS',
  supportEmail: 'kundeservice@nordlys.example',
  bank: { accountHolder: 'Nordlys Energi AS', iban: 'NO9386011117947', bic: 'DNBANOKK' },
  brand: { color: '#ffd400', logoUrl: 'https://cdn.nordlys.example/logo.svg' },
  selfServicePlans: { maxInstallments: 6, maxDays: 180, minInstallment: 1000 },
} as Tenant;

const openCase = async (
  customerId: string,
  invoiceId: string,
  amount: number,
  dueDate: string,
  description?: string,
) => {
  await putInvoice(deps, tenant.id, invoiceId, {
    customerId,
    amount,
    currency: 'NOK',
    issuedAt: '2026-10-01',
    dueDate,
    ...(description ? { description } : {}),
  });
  const now = clock.now().toISOString();
  await deps.delinquencies.open(
    tenant.id,
    aDelinquency({ id: `dlq-${invoiceId}`, invoiceId, customerId, currency: 'NOK', openedAt: now, balance: amount }),
    { id: `tl-${invoiceId}`, at: now, kind: 'delinquency.opened', actor: 'schedule', detail: 'opened' },
  );
  return signPortalToken({ kind: 'case', tenantId: tenant.id, delinquencyId: `dlq-${invoiceId}` }, KEY, clock.now());
};

type Answer = { statusCode: number; headers: Record<string, string>; body?: string };
const ROUTES = {
  '': getPortal,
  '/plan': getPlan,
  '/receipt': getReceipt,
  '/statement': getStatement,
} as const;
const get = async (token: string, sub: keyof typeof ROUTES = '', query: Record<string, string> = {}) =>
  (await asRoute(ROUTES[sub](deps))(
    {
      ...apiEvent({
        method: 'GET',
        routePath: `/portal/{token}${sub}`,
        path: `/portal/${token}${sub}`,
        pathParameters: { token },
        headers: { host: HOST },
      }),
      ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    },
    context(),
  )) as Answer;
const POSTS = {
  pay: postPay,
  promise: postPromise,
  plan: postPlan,
  dispute: postDispute,
  preferences: postPreferences,
} as const;
const post = async (
  token: string,
  action: keyof typeof POSTS,
  body: string,
  query: Record<string, string> = {},
  headers: Record<string, string> = FORM,
) =>
  (await asRoute(POSTS[action](deps))(
    {
      ...apiEvent({
        method: 'POST',
        routePath: `/portal/{token}/${action}`,
        path: `/portal/${token}/${action}`,
        pathParameters: { token },
        headers,
        body,
      }),
      ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    },
    context(),
  )) as Answer;
const status = async (delinquencyId: string) => (await deps.delinquencies.get(tenant.id, delinquencyId))?.status;
const timeline = (delinquencyId: string) => deps.delinquencies.timeline(tenant.id, delinquencyId);

const tokens: Record<string, string> = {};

beforeAll(async () => {
  table = await createTestTable();
  const base = table.deps(clock);
  deps = {
    ...base,
    // The stored tenant as the settings part's schema keeps it (its bank, brand, locale and plan rules): the schema on
    // this branch drops those fields, so they are read back from the tenant written here.
    tenants: Object.assign(Object.create(base.tenants) as typeof base.tenants, {
      getTenant: async (id: string) => {
        const stored = await base.tenants.getTenant(id);
        return stored && id === tenant.id ? { ...stored, ...tenant } : stored;
      },
    }),
    portalSigningKey: fixedPortalSigningKey(KEY),
    cardCheckout: fakeCheckout,
    checkoutOrigins: ['https://checkout.stripe.com'],
  };
  await deps.tenants.putTenant(tenant);
  await putCustomer(deps, tenant.id, 'ola', {
    name: 'Ola Nordmann',
    kind: 'consumer',
    email: 'ola@example.no',
    phone: '+4791234567',
    timeZone: 'Europe/Oslo',
    locale: 'nb-NO',
  });
  await putCustomer(deps, tenant.id, 'emma', {
    name: 'Emma Smith',
    kind: 'consumer',
    email: 'emma@example.com',
    phone: '+447700900123',
    timeZone: 'Europe/London',
  });
  // Ola's case: two overdue invoices. Emma's cases: one to promise, one to plan, one to dispute, one for the card.
  tokens.ola = await openCase('ola', 'inv-ola-1', 125_050, '2026-11-01', 'Strøm oktober');
  tokens.ola2 = await openCase('ola', 'inv-ola-2', 40_000, '2026-11-20', 'Strøm november');
  tokens.promise = await openCase('emma', 'inv-emma-1', 60_000, '2026-11-05', 'Electricity, October');
  tokens.plan = await openCase('emma', 'inv-emma-2', 90_000, '2026-11-06');
  tokens.dispute = await openCase('emma', 'inv-emma-3', 30_000, '2026-11-07');
  await applyInvoicePayment(
    deps,
    tenant.id,
    'inv-emma-3',
    { amount: 5_000, currency: 'NOK', reference: 'bank-1' },
    { idempotencyKey: 'pay-1' },
  );
});
afterAll(() => table.destroy());

describe('the portal', () => {
  it("shows the case's open invoices, what each owes and the total, in the customer's language and number format", async () => {
    const page = await get(tokens.ola!);
    expect(page.statusCode).toBe(200);
    const html = page.body!;
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('Dette skylder du Nordlys Energi AS');
    expect(html).toContain('Faktura inv-ola-1');
    expect(html).toContain('Strøm oktober');
    expect(html).toContain('Strøm november');
    // 1 250,50 kr + 400,00 kr in Norwegian formatting (non-breaking spaces as Intl writes them).
    expect(html.replace(/[\u00a0\u202f]/g, ' ')).toMatch(/Totalt å betale<\/span><span>1 650,50 kr/);
    expect(html).toContain('NO93 8601 1117 947');
    expect(html).toContain('alt="Logoen til Nordlys Energi AS"');
    expect(html).toContain('kundeservice@nordlys.example');
    expect(html).not.toMatch(/<script/i);
    // The brand colour is light: its buttons carry near-black text.
    expect(html).toContain('background:#ffd400;color:#111111');
    const reference = /RF\d{2}(?: \d{4}){4}(?: \d{2})?/.exec(html)![0];
    expect(isCreditorReference(reference)).toBe(true);
    const view = await getDelinquencyView(deps, tenant.id, 'dlq-inv-ola-1');
    expect(view.transferReference.replace(/(.{4})(?=.)/g, '$1 ')).toBe(reference);
    const csp = page.headers['content-security-policy']!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('img-src https://cdn.nordlys.example');
    expect(csp).toContain("form-action 'self' https://checkout.stripe.com");
    expect(page.headers['referrer-policy']).toBe('same-origin');
  });

  it('switches language with ?lang= and offers a switcher on the page', async () => {
    const page = await get(tokens.ola!, '', { lang: 'de' });
    expect(page.body).toContain('<html lang="de">');
    expect(page.body).toContain('Ihr offener Betrag bei Nordlys Energi AS');
    expect(page.body).toContain('Mit Karte bezahlen');
    expect(page.body).toContain(`href="/portal/${tokens.ola}?lang=sv"`);
    expect(page.body).toContain(`action="/portal/${tokens.ola}/promise?lang=de"`);
    const english = await get(tokens.promise!);
    expect(english.body).toContain('<html lang="en">');
    for (const label of ['Pay by card', 'Promise to pay', 'See the plan', 'Dispute', 'Save preferences'])
      expect(english.body).toContain(`>${label}</button>`);
    for (const label of ['Amount', 'Date', 'Number of instalments', 'Invoice', 'Reason', 'Tell us more'])
      expect(english.body).toContain(`>${label}</label>`);
  });

  it('answers a forged link 404 and an expired one 410, each a page in the right language', async () => {
    const forged = await get(`${tokens.ola!.slice(0, -4)}AAAA`);
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toContain('Page not found');
    expect(forged.body).not.toContain('Nordlys');
    const junk = await get('not-a-token');
    expect(junk.statusCode).toBe(404);
    const old = signPortalToken(
      { kind: 'case', tenantId: tenant.id, delinquencyId: 'dlq-inv-ola-1' },
      KEY,
      new Date(clock.now().getTime() - 61 * 86_400_000),
    );
    const expired = await get(old);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('<html lang="nb">');
    expect(expired.body).toContain('Lenken er utløpt');
    expect(expired.body).not.toContain('1 250');
    expect(expired.body).not.toContain('<form');
  });

  it('pays by card: any amount from one minor unit up to the total, 303 to Checkout, on the timeline', async () => {
    for (const amount of ['0', '1650.51', 'abc', '12.345']) {
      const refused = await post(tokens.ola!, 'pay', `amount=${encodeURIComponent(amount)}`);
      expect({ amount, status: refused.statusCode }).toEqual({ amount, status: 400 });
      expect(refused.body).toContain('Skriv inn et beløp fra');
    }
    expect(checkout.requests).toHaveLength(0);
    const paid = await post(tokens.ola!, 'pay', 'amount=125%2C50');
    expect(paid.statusCode).toBe(303);
    expect(paid.headers.location).toBe('https://checkout.stripe.com/c/pay/cs_test_1');
    expect(checkout.requests[0]).toMatchObject({
      tenantId: tenant.id,
      delinquencyId: 'dlq-inv-ola-1',
      customerId: 'ola',
      amount: 12_550,
      currency: 'NOK',
      locale: 'nb',
      customerEmail: 'ola@example.no',
      successUrl: `https://${HOST}/portal/${tokens.ola}/receipt?session={CHECKOUT_SESSION_ID}`,
      cancelUrl: `https://${HOST}/portal/${tokens.ola}?done=cancelled`,
    });
    const whole = await post(tokens.ola!, 'pay', 'amount=1650.50');
    expect(whole.statusCode).toBe(303);
    expect(checkout.requests[1]!.amount).toBe(165_050);
    const entries = (await timeline('dlq-inv-ola-1')).filter((entry) => entry.kind === 'payment.checkout_started');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ actor: 'customer:portal', data: { sessionId: 'cs_test_1', amount: 12_550 } });
  });

  it('says card payment is not available, in the page language, when the tenant has no checkout', async () => {
    checkout.available = false;
    try {
      const refused = await post(tokens.ola!, 'pay', 'amount=100', { lang: 'sv' });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Kortbetalning är inte tillgänglig just nu');
      expect(refused.body).not.toContain('>Betala med kort</button>');
      expect(refused.body).toContain('Betala med banköverföring');
    } finally {
      checkout.available = true;
    }
  });

  it('shows the receipt after Checkout: received, or being processed', async () => {
    checkout.sessions.set('cs_paid', { status: 'complete', paymentStatus: 'paid', amount: 12_550, currency: 'NOK' });
    checkout.sessions.set('cs_wait', { status: 'complete', paymentStatus: 'unpaid', amount: 12_550, currency: 'NOK' });
    const received = await get(tokens.ola!, '/receipt', { session: 'cs_paid', lang: 'en' });
    expect(received.statusCode).toBe(200);
    expect(received.body).toContain('We have received your payment of NOK');
    const waiting = await get(tokens.ola!, '/receipt', { session: 'cs_wait' });
    expect(waiting.body).toContain('Betalingen din på');
    expect(waiting.body).toContain('behandles');
    const unknown = await get(tokens.ola!, '/receipt', { session: 'cs_nothing', lang: 'en' });
    expect(unknown.body).toContain('We cannot see this payment yet');
  });

  it('takes a promise within the rules; a refusal changes nothing and speaks Norwegian on the Norwegian page', async () => {
    const tooLate = await post(tokens.ola2!, 'promise', 'date=2027-03-01');
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.body).toContain('Velg en dato fra 10. desember 2026 til 8. februar 2027.');
    expect(tooLate.body).toContain('role="alert"');
    expect(tooLate.body).toContain('value="2027-03-01"');
    expect(await status('dlq-inv-ola-2')).toBe('active');
    expect((await post(tokens.ola2!, 'promise', 'date=yesterday')).statusCode).toBe(400);
    const promised = await post(tokens.promise!, 'promise', 'date=2026-12-20');
    expect(promised.statusCode).toBe(303);
    expect(promised.headers.location).toBe(`/portal/${tokens.promise}?done=promise`);
    expect(await status('dlq-inv-emma-1')).toBe('promised');
    const [made] = await deps.delinquencies.promises(tenant.id, 'dlq-inv-emma-1');
    expect(made).toMatchObject({ amount: 60_000, date: '2026-12-20', createdBy: 'customer:portal' });
    expect((await timeline('dlq-inv-emma-1')).find((entry) => entry.kind === 'promise.made')?.actor).toBe(
      'customer:portal',
    );
    const thanked = await get(tokens.promise!, '', { done: 'promise' });
    expect(thanked.body).toContain('Your promise to pay has been recorded');
    expect(thanked.body).toContain('You have promised to pay');
    const again = await post(tokens.promise!, 'promise', 'date=2026-12-21', { lang: 'nb' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Du har allerede et betalingsløfte.');
    expect(again.body).not.toContain('a promise is already open');
  });

  it('shows the plan before agreeing, keeps it within the tenant rules, then agrees it as the customer', async () => {
    const preview = await get(tokens.plan!, '/plan', { installments: '3' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('3 instalments, NOK');
    expect(preview.body).toContain('>Agree to this plan</button>');
    expect(preview.body!.match(/<tr><td>\d<\/td>/g)).toHaveLength(3);
    const tooMany = await get(tokens.plan!, '/plan', { installments: '9', lang: 'nb' });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('Velg fra 2 til 6 avdrag.');
    expect(tooMany.body).not.toContain('Agree to this plan');
    const refused = await post(tokens.plan!, 'plan', 'installments=12');
    expect(refused.statusCode).toBe(400);
    expect(await status('dlq-inv-emma-2')).toBe('active');
    const agreed = await post(tokens.plan!, 'plan', 'installments=3');
    expect(agreed.statusCode).toBe(303);
    expect(await status('dlq-inv-emma-2')).toBe('in_plan');
    const [plan] = await deps.delinquencies.plans(tenant.id, 'dlq-inv-emma-2');
    expect(plan!.createdBy).toBe('customer:portal');
    expect(plan!.installments.map((item) => item.amount)).toEqual([30_000, 30_000, 30_000]);
    expect((await timeline('dlq-inv-emma-2')).find((entry) => entry.kind === 'plan.agreed')?.actor).toBe(
      'customer:portal',
    );
    const page = await get(tokens.plan!);
    expect(page.body).toContain('You have a payment plan');
    expect(page.body).not.toContain('>See the plan</button>');
  });

  it('takes a dispute with a reason category and words; an incomplete one changes nothing', async () => {
    for (const body of [
      'invoiceId=inv-emma-3&category=&text=never+arrived',
      'invoiceId=inv-emma-3&category=not-received&text=',
      'invoiceId=someone-elses&category=not-received&text=x',
    ]) {
      const refused = await post(tokens.dispute!, 'dispute', body);
      expect({ body, status: refused.statusCode }).toEqual({ body, status: 400 });
    }
    expect(await status('dlq-inv-emma-3')).toBe('active');
    const disputed = await post(
      tokens.dispute!,
      'dispute',
      'invoiceId=inv-emma-3&category=not-received&text=The+meter+was+moved+in+September',
    );
    expect(disputed.statusCode).toBe(303);
    expect(await status('dlq-inv-emma-3')).toBe('disputed');
    const [dispute] = await deps.delinquencies.disputes(tenant.id, 'dlq-inv-emma-3');
    expect(dispute).toMatchObject({
      category: 'not-received',
      reason: 'The meter was moved in September',
      openedBy: 'customer:portal',
    });
    const again = await post(tokens.dispute!, 'dispute', 'invoiceId=inv-emma-3&category=other&text=again', {
      lang: 'fr',
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Nous examinons déjà ce que vous nous avez signalé.');
  });

  it('stops SMS through the opt-out the engine honours, and says so on the timeline', async () => {
    const nothing = await post(tokens.ola!, 'preferences', '');
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('Kryss av for kanalen du vil stoppe.');
    const stopped = await post(tokens.ola!, 'preferences', 'sms=stop');
    expect(stopped.statusCode).toBe(303);
    const withOptOuts = await deps.customers.getWithOptOuts(tenant.id, 'ola');
    expect(withOptOuts!.optOuts).toEqual([expect.objectContaining({ channel: 'sms', address: '+4791234567' })]);
    expect((await timeline('dlq-inv-ola-1')).find((entry) => entry.kind === 'customer.opted_out')).toMatchObject({
      actor: 'customer:portal',
      channel: 'sms',
      rule: 'opt-out',
    });
    const page = await get(tokens.ola!, '', { done: 'preferences' });
    expect(page.body).toContain('Valgene dine er lagret.');
    expect(page.body).toMatch(/name="sms" value="stop" checked disabled/);
  });

  it('prints a statement with past payments', async () => {
    const page = await get(tokens.dispute!, '/statement');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Statement</h1>');
    expect(page.body).toContain('Payments received');
    expect(page.body).toMatch(/<td>inv-emma-3<\/td><td class="num">NOK\s50\.00<\/td>/);
    expect(page.body).toContain('@media print');
  });

  it('refuses a form posted from another site and changes nothing', async () => {
    const foreign = await post(
      tokens.ola2!,
      'promise',
      'date=2026-12-20',
      {},
      { ...FORM, 'sec-fetch-site': 'cross-site' },
    );
    expect(foreign.statusCode).toBe(403);
    const notForm = await post(
      tokens.ola2!,
      'promise',
      '{"date":"2026-12-20"}',
      {},
      {
        ...FORM,
        'content-type': 'application/json',
      },
    );
    expect(notForm.statusCode).toBe(415);
    expect(await status('dlq-inv-ola-2')).toBe('active');
  });

  it('opens an invoice before its case exists with the reference the case will have, then the case once it opens', async () => {
    await putInvoice(deps, tenant.id, 'inv-early', {
      customerId: 'emma',
      amount: 20_000,
      currency: 'NOK',
      issuedAt: '2026-12-01',
      dueDate: '2026-12-20',
    });
    const token = signPortalToken(
      { kind: 'invoice', tenantId: tenant.id, customerId: 'emma', invoiceId: 'inv-early' },
      KEY,
      clock.now(),
    );
    const before = await get(token);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('Invoice inv-early');
    const caseReference = transferReference(stableId('dlq', tenant.id, 'inv-early'));
    expect(before.body).toContain(formatReference(caseReference));
    for (const label of ['Pay by card', 'Promise to pay', 'See the plan'])
      expect(before.body).not.toContain(`>${label}</button>`);
    expect((await post(token, 'promise', 'date=2026-12-22')).statusCode).toBe(400);
    const now = clock.now().toISOString();
    const delinquencyId = stableId('dlq', tenant.id, 'inv-early');
    await deps.delinquencies.open(
      tenant.id,
      aDelinquency({ id: delinquencyId, invoiceId: 'inv-early', customerId: 'emma', currency: 'NOK', openedAt: now }),
      { id: 'tl-early', at: now, kind: 'delinquency.opened', actor: 'schedule', detail: 'opened' },
    );
    const after = await get(token);
    expect(after.body).toContain('>Promise to pay</button>');
    expect((await getDelinquencyView(deps, tenant.id, delinquencyId)).transferReference).toBe(caseReference);
  });

  it('sends an old /v1/pay link to the portal of its case', async () => {
    const token = await deps.payTokens.tokenFor({ tenantId: tenant.id, invoiceId: 'inv-ola-1', customerId: 'ola' });
    const answer = (await asRoute(getPayPage(deps))(
      apiEvent({ method: 'GET', routePath: '/v1/pay/{token}', path: `/v1/pay/${token}`, pathParameters: { token } }),
      context(),
    )) as Answer;
    expect(answer.statusCode).toBe(303);
    const portal = /^\/portal\/(.+)$/.exec(answer.headers.location!)![1]!;
    expect(verifyPortalToken(portal, KEY, clock.now())).toMatchObject({
      outcome: 'valid',
      target: { kind: 'case', delinquencyId: 'dlq-inv-ola-1' },
    });
  });
});
