// A manager's morning on the Dashboard in Chromium: a small book in two currencies worked for two weeks of virtual
// time (payments, a promise kept and one broken, debts with two collectors), then every table on the screen equals the
// reports API's answer for the same period, a new period changes them, and a table downloads as CSV. A collector is
// kept out.
import type { Page } from 'playwright-core';
import { ConsoleRuntime } from './console-harness';
import { screenshot } from './harness';

jest.setTimeout(240_000);

const runtime = new ConsoleRuntime({ clockStart: '2026-10-26T07:00:00Z' });
const { call } = runtime.partner;
beforeAll(() => runtime.start());
afterAll(() => runtime.stop());

const pay = (invoiceId: string, amount: number, currency: string) =>
  call('POST', `/v1/invoices/${invoiceId}/payments`, { amount, currency, reference: `bank-${invoiceId}-${amount}` });

const delinquencyOf = async (invoiceId: string): Promise<string> => {
  const invoice = await call('GET', `/v1/invoices/${invoiceId}`);
  if (!invoice.delinquencyId) throw new Error(`no delinquency for ${invoiceId}: ${JSON.stringify(invoice)}`);
  return invoice.delinquencyId as string;
};

const assign = async (invoiceId: string, collectorId: string) => {
  const answer = await runtime.as(
    'demo-manager',
    'PUT',
    `/v1/delinquencies/${await delinquencyOf(invoiceId)}/assignee`,
    {
      collectorId,
    },
  );
  expect(answer.status).toBe(200);
};

/** The book: four past-due invoices and one not yet due on 26 October, one more issued in November. */
const buildPortfolio = async () => {
  for (const [id, name] of [
    ['ingrid', 'Ingrid Berg'],
    ['nils', 'Nils Dahl'],
  ]) {
    // No capacity: nothing is given to them automatically, only what the manager assigns.
    const answer = await runtime.as('demo-manager', 'PUT', `/v1/collectors/${id}`, { name, capacity: 0 });
    expect([200, 201]).toContain(answer.status);
  }
  const customers = [
    ['dash-fjord', 'Fjordkraft Handel AS', 'Europe/Oslo'],
    ['dash-lysaker', 'Lysaker Bakeri', 'Europe/Oslo'],
    ['dash-malmo', 'Malmö Verkstad AB', 'Europe/Stockholm'],
    ['dash-koln', 'Kölner Druck GmbH', 'Europe/Berlin'],
  ];
  for (const [id, name, timeZone] of customers)
    await call('PUT', `/v1/customers/${id}`, {
      name,
      kind: 'business',
      email: `${id}@example.com`,
      timeZone,
    });
  const invoices: [string, string, number, string, string, string][] = [
    ['dash-n1', 'dash-fjord', 120_000, 'NOK', '2026-09-08', '2026-09-22'],
    ['dash-n2', 'dash-lysaker', 80_000, 'NOK', '2026-09-27', '2026-10-12'],
    ['dash-e1', 'dash-malmo', 50_000, 'EUR', '2026-09-09', '2026-10-09'],
    ['dash-e2', 'dash-koln', 30_000, 'EUR', '2026-10-08', '2026-10-19'],
    ['dash-e3', 'dash-koln', 20_000, 'EUR', '2026-10-17', '2026-11-06'],
  ];
  for (const [id, customerId, amount, currency, issuedAt, dueDate] of invoices) {
    const answer = await call('PUT', `/v1/invoices/${id}`, { customerId, amount, currency, issuedAt, dueDate });
    expect(answer).toMatchObject({ id });
  }
  await runtime.advance('PT2H'); // the hourly run opens the past-due ones
  await assign('dash-n1', 'ingrid');
  await assign('dash-e1', 'ingrid');
  await assign('dash-n2', 'nils');
  await assign('dash-e2', 'nils');
  // A promise that will be kept and one that will be broken (holds until its date + 2 grace days).
  expect(
    await call('POST', `/v1/delinquencies/${await delinquencyOf('dash-n2')}/promises`, {
      amount: 80_000,
      date: '2026-10-30',
    }),
  ).toMatchObject({ status: 'open' });
  expect(
    await call('POST', `/v1/delinquencies/${await delinquencyOf('dash-e1')}/promises`, {
      amount: 20_000,
      date: '2026-10-27',
    }),
  ).toMatchObject({ status: 'open' });
  await pay('dash-n1', 50_000, 'NOK'); // October, Ingrid's debt
  await runtime.advance('P3D');
  await pay('dash-n2', 80_000, 'NOK'); // the promise kept, Nils's debt
  await runtime.advance('P5D'); // 3 November; the other promise was broken on the way
  await pay('dash-e2', 30_000, 'EUR'); // November, Nils's debt
  await pay('dash-e3', 5_000, 'EUR'); // before it is due: collected, not recovered
  await call('PUT', '/v1/invoices/dash-n3', {
    customerId: 'dash-fjord',
    amount: 40_000,
    currency: 'NOK',
    issuedAt: '2026-11-03',
    dueDate: '2026-11-30',
  });
  await runtime.advance('P3D');
  await pay('dash-n1', 20_000, 'NOK'); // November, Ingrid's debt
  await runtime.advance('P3D'); // Monday 9 November, the manager's morning
};

type Cells = Record<string, string>;

/** A table's rows as the exact figures its cells carry, by column. */
const tableRows = (page: Page, id: string): Promise<Cells[]> =>
  page.$$eval(`#${id} tbody tr`, (rows) =>
    rows
      .map((row) =>
        Object.fromEntries(
          [...row.querySelectorAll('[data-column]')].map((cell) => [
            cell.getAttribute('data-column')!,
            cell.getAttribute('data-value')!,
          ]),
        ),
      )
      .filter((row) => Object.keys(row).length > 0),
  );

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

const TODAY = '2026-11-09';
/** Each month's last day the reports are asked for: the current month only up to today. */
const LAST_DAYS: Record<string, string> = {
  '2026-06': '2026-06-30',
  '2026-07': '2026-07-31',
  '2026-08': '2026-08-31',
  '2026-09': '2026-09-30',
  '2026-10': '2026-10-31',
  '2026-11': TODAY,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const apiGet = async (path: string): Promise<any> => {
  const answer = await runtime.as('demo-manager', 'GET', path);
  expect(answer.status).toBe(200);
  return answer.body;
};

/** What each table must hold for a period of months, from the reports API asked as the screen asks it. */
const expectedTables = async (months: string[]) => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const monthly: { month: string; currencies: Record<string, any> }[] = [];
  for (const month of months)
    monthly.push({
      month,
      currencies: (await apiGet(`/v1/reports/kpis?from=${month}-01&to=${LAST_DAYS[month]}`)).currencies,
    });
  const aging = await apiGet(`/v1/reports/aging?asOf=${LAST_DAYS[months.at(-1)!]}`);
  const byCollector = await apiGet(
    `/v1/reports/kpis?from=${months[0]}-01&to=${LAST_DAYS[months.at(-1)!]}&by=collector`,
  );
  const perMonth = monthly.flatMap(({ month, currencies }) =>
    Object.entries(currencies).map(([currency, figures]) => ({ month, currency, figures })),
  );
  const names: Record<string, string> = { ingrid: 'Ingrid Berg', nils: 'Nils Dahl', unassigned: 'Unassigned' };
  return {
    aging: Object.entries(aging.currencies).map(([currency, row]) => ({
      currency,
      ...Object.fromEntries(Object.entries(row as Record<string, number>).map(([key, value]) => [key, text(value)])),
    })),
    trends: perMonth.map(({ month, currency, figures }) => ({
      month,
      currency,
      dso: text(figures.dso),
      bestPossibleDso: text(figures.bestPossibleDso),
      averageDaysDelinquent: text(figures.averageDaysDelinquent),
      cei: text(figures.cei),
      creditSales: text(figures.creditSales),
      collected: text(figures.collected),
      receivables: text(figures.receivables.ending),
    })),
    promises: perMonth.map(({ month, currency, figures }) => ({
      month,
      currency,
      decided: text(figures.promises.decided),
      kept: text(figures.promises.kept),
      keptRateCount: text(figures.promises.keptRate.count),
      promised: text(figures.promises.promised),
      paid: text(figures.promises.paid),
      keptRateAmount: text(figures.promises.keptRate.amount),
    })),
    rolls: perMonth.flatMap(({ month, currency, figures }) =>
      ['1-30', '31-60', '61-90'].map((from) => ({
        month,
        currency,
        from,
        to: text(figures.rollRates[from].to),
        balance: text(figures.rollRates[from].balance),
        count: text(figures.rollRates[from].count),
      })),
    ),
    recovery: ['ingrid', 'nils', 'unassigned']
      .filter((collector) => byCollector.groups[collector])
      .flatMap((collector) =>
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        Object.entries(byCollector.groups[collector].currencies as Record<string, any>).map(([currency, figures]) => ({
          name: names[collector]!,
          collector,
          currency,
          recovered: text(figures.recovered),
          collected: text(figures.collected),
          pastDue: text(figures.receivables.endingPastDue),
          recoveryRate: text(figures.recoveryRate),
        })),
      ),
  };
};

const shownTables = async (page: Page) => ({
  aging: await tableRows(page, 'aging-table'),
  trends: await tableRows(page, 'trends-table'),
  promises: await tableRows(page, 'promises-table'),
  rolls: await tableRows(page, 'rolls-table'),
  recovery: await tableRows(page, 'recovery-table'),
});

/** What a person reads in the recovery table for a collector and currency. */
const recoveryText = (page: Page, collector: string, currency: string, column: string) =>
  page
    .locator('#recovery-table tbody tr')
    .filter({ has: page.locator(`[data-column="collector"][data-value="${collector}"]`) })
    .filter({ has: page.locator(`[data-column="currency"][data-value="${currency}"]`) })
    .locator(`[data-column="${column}"]`)
    .innerText();

describe("a manager's morning on the dashboard", () => {
  beforeAll(buildPortfolio);

  it('shows the last six months with the numbers of the reports API', async () => {
    const page = await runtime.signIn('demo-manager', 'desktop');
    await runtime.goto(page, '/dashboard');
    await page.locator('.dashboard[data-period="2026-06..2026-11"]').waitFor();
    expect((await runtime.now()).slice(0, 10)).toBe(TODAY);
    const expected = await expectedTables(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(await shownTables(page)).toEqual(expected);
    // What the manager reads, not only what the cells carry: a month where one promise was kept and one broken.
    expect(expected.promises).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ month: '2026-10', currency: 'NOK', decided: '1', kept: '1', keptRateCount: '100' }),
        expect.objectContaining({ month: '2026-10', currency: 'EUR', decided: '1', kept: '0', keptRateCount: '0' }),
      ]),
    );
    // Ingrid's debts brought in 500 + 200 kroner of past-due money over the period, Nils's 800 kroner and 300 euros.
    const ingrid = expected.recovery.find((row) => row.collector === 'ingrid' && row.currency === 'NOK')!;
    expect(ingrid.recovered).toBe('70000');
    await expect(recoveryText(page, 'ingrid', 'NOK', 'recovered')).resolves.toBe(
      new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'NOK' }).format(700),
    );
    expect(expected.recovery.find((row) => row.collector === 'nils' && row.currency === 'EUR')!.recovered).toBe(
      '30000',
    );
    await expect(page.locator('#aging-table caption').innerText()).resolves.toBe('Aging by currency on 9 Nov 2026');
    await runtime.audit('dashboard', page);
    await screenshot(page, 'console-dashboard');
  });

  it('shows November alone when the period changes, and refuses a period that ends in the future', async () => {
    const page = await runtime.session.page('desktop');
    await page.getByLabel('From month').fill('2026-11');
    await page.getByLabel('To month').fill('2026-12');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('must not be after this month');
    await page.getByLabel('To month').fill('2026-11');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('.dashboard[data-period="2026-11..2026-11"]').waitFor();
    const shown = await shownTables(page);
    expect(shown).toEqual(await expectedTables(['2026-11']));
    expect(shown.trends.map((row) => row.month)).toEqual(['2026-11', '2026-11']);
    // Only November's payment on Ingrid's debts counts now.
    expect(shown.recovery.find((row) => row.collector === 'ingrid' && row.currency === 'NOK')!.recovered).toBe('20000');
    expect(page.url()).toContain('#/dashboard?from=2026-11&to=2026-11');
  });

  it('downloads recovery by collector as CSV: a header row, amounts in major units with their currency', async () => {
    const page = await runtime.session.page('desktop');
    const table = page.locator('.dashboard-table', { has: page.locator('#recovery-table') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      table.getByRole('button', { name: /^Download CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('recovery-by-collector-2026-11-to-2026-11.csv');
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Collector,Collector id,Currency,Recovered (past due),Collected in all,Still past due at the end,Recovery rate',
    );
    const major = (minor: string) => (Number(minor) / 100).toFixed(2);
    const expected = (await expectedTables(['2026-11'])).recovery.map((row) =>
      [
        row.name,
        row.collector,
        row.currency,
        major(row.recovered),
        major(row.collected),
        major(row.pastDue),
        row.recoveryRate,
      ].join(','),
    );
    expect(lines.slice(1)).toEqual(expected);
    expect(lines.some((line) => line.startsWith('Nils Dahl,nils,EUR,300.00,300.00,'))).toBe(true);
  });

  it('keeps a collector out: the dashboard is for managers only', async () => {
    const page = await runtime.signIn('demo-collector', 'phone');
    await runtime.goto(page, '/dashboard');
    await expect(page.locator('main h1').innerText()).resolves.toBe('Managers only');
    expect(await page.locator('.dashboard').count()).toBe(0);
    expect(runtime.axeReport()).toEqual({});
  });
});
