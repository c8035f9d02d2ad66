// Cases on the synthesized state machine: a customer's delinquencies with steps on the same day get one message.
import { createHarness, TENANT, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness('2026-12-01T23:30:00Z');
});
afterAll(() => harness.stop());

describe('one message per case', () => {
  it('sends one email and one SMS for three invoices falling due together, listing the others and the total', async () => {
    const ids = [];
    for (const [invoiceId, amount] of [
      ['case-a', 100_000],
      ['case-b', 20_000],
      ['case-c', 5_000],
    ] as const) {
      ids.push(await harness.openCase({ invoiceId, dueDate: '2026-12-01', customerId: 'case-kari', amount }));
    }
    await harness.advanceTo('2026-12-06T12:00:00Z');
    const sent = harness.outbox.list().filter((message) => message.customerId === 'case-kari');
    expect(sent.map((message) => `${message.channel}:${message.step}`)).toEqual(['email:overdue', 'sms:overdue-sms']);
    const [email, sms] = sent;
    const others = ids.filter((id) => id !== email!.delinquencyId).length;
    expect(others).toBe(2);
    expect(email!.body).toContain('Also open on your account:');
    expect(email!.body).toContain('In all, NOK');
    expect(email!.body).toMatch(/1,250\.00/);
    expect(sms!.body).toContain('2 more invoice(s) open');
    for (const id of ids.filter((candidate) => candidate !== email!.delinquencyId)) {
      const timeline = await harness.engine.delinquencies.timeline(TENANT, id);
      expect(timeline.filter((entry) => entry.kind === 'reminder.covered').map((entry) => entry.stepId)).toEqual(
        expect.arrayContaining(['overdue']),
      );
    }
  });
  it('emails one statement of all open invoices when several reach a statement step on the same day', async () => {
    harness.clock.set(new Date('2027-01-01T23:30:00Z'));
    const strategy = {
      name: 'Statement ladder',
      steps: [
        { id: 'overdue', offsetDays: 1, channel: 'email' as const, template: 'overdue' },
        { id: 'statement', offsetDays: 3, channel: 'statement' as const },
        { id: 'hand-off', offsetDays: 30, channel: 'agency' as const },
      ],
    };
    const ids = [];
    for (const invoiceId of ['stmt-a', 'stmt-b'])
      ids.push(await harness.openCase({ invoiceId, dueDate: '2027-01-01', customerId: 'stmt-ola', strategy }));
    await harness.advanceTo('2027-01-05T12:00:00Z');
    const statements = harness.outbox
      .list()
      .filter((message) => message.customerId === 'stmt-ola' && message.step === 'statement');
    expect(statements).toHaveLength(1);
    expect(statements[0]!.body).toContain('stmt-a');
    expect(statements[0]!.body).toContain('stmt-b');
    expect(statements[0]!.subject).toBe('Acme Energi: your statement');
    const other = ids.find((id) => id !== statements[0]!.delinquencyId)!;
    const timeline = await harness.engine.delinquencies.timeline(TENANT, other);
    expect(timeline.filter((entry) => entry.kind === 'reminder.covered').map((entry) => entry.stepId)).toEqual(
      expect.arrayContaining(['statement']),
    );
  });

  it("emails one statement per invoice, each showing only its own, when the tenant's statement mode is per invoice", async () => {
    harness.clock.set(new Date('2027-02-01T23:30:00Z'));
    const tenant = (await harness.engine.tenants.getTenant(TENANT))!;
    await harness.engine.tenants.putTenant({ ...tenant, statementMode: 'invoice' });
    try {
      const strategy = {
        name: 'Statement ladder',
        steps: [
          { id: 'statement', offsetDays: 3, channel: 'statement' as const },
          { id: 'hand-off', offsetDays: 30, channel: 'agency' as const },
        ],
      };
      for (const invoiceId of ['each-a', 'each-b'])
        await harness.openCase({ invoiceId, dueDate: '2027-02-01', customerId: 'stmt-per-invoice', strategy });
      await harness.advanceTo('2027-02-05T12:00:00Z');
      const statements = harness.outbox
        .list()
        .filter((message) => message.customerId === 'stmt-per-invoice' && message.step === 'statement');
      expect(statements).toHaveLength(2);
      const shown = statements.map((message) =>
        ['each-a', 'each-b'].filter((invoiceId) => message.body.includes(invoiceId)),
      );
      expect(shown.sort()).toEqual([['each-a'], ['each-b']]);
    } finally {
      await harness.engine.tenants.putTenant(tenant);
    }
  });
});
