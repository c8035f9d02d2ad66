// Item 19 of issue 13: what `npm run demo` prints for a credit manager: money as money, each action on its day, the true final status.
import { actionLines, demoPort, finalLine, type DemoCustomer } from '../../../local/demo-report';

const customers: DemoCustomer[] = [
  { id: 'john', name: 'John Smith', zone: 'America/New_York', locale: 'en-US', currency: 'USD' },
  { id: 'kari', name: 'Kari Nordmann', zone: 'Europe/Oslo', locale: 'nb-NO', currency: 'NOK' },
  { id: 'hanako', name: 'Sato Hanako', zone: 'Asia/Tokyo', locale: 'en', currency: 'JPY' },
];
const ref = (customerId: string) => ({
  tenantId: 'demo',
  delinquencyId: `dlq-inv-${customerId}`,
  invoiceId: `inv-${customerId}`,
  customerId,
});

describe('item 19: the demo tells a credit manager the truth', () => {
  it('item 19: the demo prints money in the currency format and dates fees, calls and letters on the day they happened', () => {
    const lines = actionLines(
      customers,
      [{ channel: 'email', customerId: 'kari', step: 'reminder-1', sentAt: '2026-11-28T08:00:00.000Z' }],
      [
        {
          detailType: 'delinquency.escalated',
          detail: {
            ...ref('john'),
            stepId: 'letter',
            channel: 'letter',
            letterId: 'ltr1',
            at: '2026-12-03T14:00:00.000Z',
          },
        },
        {
          detailType: 'charge.applied',
          detail: {
            ...ref('john'),
            chargeId: 'chg1',
            kind: 'fee',
            amount: 1798,
            currency: 'USD',
            rule: 'fee',
            chargedAt: '2026-11-30T14:00:00.000Z',
          },
        },
        {
          detailType: 'charge.applied',
          detail: {
            ...ref('hanako'),
            chargeId: 'chg2',
            kind: 'fee',
            amount: 1000,
            currency: 'JPY',
            rule: 'fee',
            chargedAt: '2026-11-29T00:00:00.000Z',
          },
        },
        {
          detailType: 'charge.applied',
          detail: {
            ...ref('kari'),
            chargeId: 'chg3',
            kind: 'fee',
            amount: 7000,
            currency: 'NOK',
            rule: 'fee',
            chargedAt: '2026-11-29T08:00:00.000Z',
          },
        },
        {
          detailType: 'delinquency.escalated',
          detail: {
            ...ref('kari'),
            stepId: 'call',
            channel: 'call',
            phone: '+4791234567',
            at: '2026-12-02T08:00:00.000Z',
          },
        },
      ],
    );
    const text = lines.join('\n');
    expect(text).not.toMatch(/1798|USD/);
    expect(lines).toContainEqual(expect.stringMatching(/^2026-11-30 .*John Smith .*fee \$17\.98/));
    expect(lines).toContainEqual(expect.stringMatching(/^2026-11-29 .*Sato Hanako .*fee ¥1,000/));
    expect(lines).toContainEqual(expect.stringMatching(/^2026-11-29 .*Kari Nordmann .*fee 70,00\skr/));
    expect(lines).toContainEqual(expect.stringMatching(/^2026-12-02 .*Kari Nordmann .*call/));
    expect(lines).toContainEqual(expect.stringMatching(/^2026-12-03 .*John Smith .*letter/));
    // In the order they happened, whatever order they were recorded in.
    expect(lines.map((line) => line.slice(0, 10))).toEqual([...lines.map((line) => line.slice(0, 10))].sort());
  });

  it('item 19: the demo shows a handed-off customer as handed off, with money formatted', () => {
    const line = finalLine(
      customers[0]!,
      { status: 'open', balance: 91_698, charges: { fees: 1798 } },
      { status: 'handed_off' },
    );
    expect(line).toContain('handed off');
    expect(line).not.toMatch(/\bopen\b/);
    expect(line).toContain('$916.98');
    expect(line).toContain('fees $17.98');
    expect(
      finalLine(customers[1]!, { status: 'paid', balance: 0, charges: { fees: 0 } }, { status: 'resolved' }),
    ).toContain('paid');
  });

  it('item 19: the demo listens on PORT when it is set', () => {
    expect(demoPort(undefined)).toBe(0);
    expect(demoPort('')).toBe(0);
    expect(demoPort('4123')).toBe(4123);
    expect(() => demoPort('http')).toThrow(/PORT/);
  });
});
