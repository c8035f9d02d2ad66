// The hourly run against DynamoDB Local: pre-due reminders once, overdue detection in the customer's zone, and running
// twice at the same moment sends, opens and starts nothing twice.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/adapters/dynamodb/keys';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { consecutiveRanges, datesToScan, querySpans, runReminders } from '../../shared/use-cases/reminder-run';
import { DEFAULT_STRATEGY } from '../../shared/domain/strategy';
import { createHarness, TENANT, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness('2026-11-28T07:30:00Z');
  const deps = { ...harness.engine, clock: harness.clock };
  for (const [id, timeZone] of [
    ['tokyo', 'Asia/Tokyo'],
    ['honolulu', 'Pacific/Honolulu'],
  ] as const) {
    await putCustomer(deps, TENANT, id, { name: id, kind: 'consumer', email: `${id}@example.com`, timeZone });
    await putInvoice(deps, TENANT, `run-${id}`, {
      customerId: id,
      amount: 10_000,
      currency: 'USD',
      issuedAt: '2026-11-01',
      dueDate: '2026-11-30',
    });
  }
});
afterAll(() => harness.stop());

describe('reminder run', () => {
  it('scans only the dates that can need something now, never the whole table', () => {
    const dates = datesToScan(new Date('2026-11-28T07:30:00Z'), [
      { ...DEFAULT_STRATEGY, id: 'default', isDefault: true, createdAt: '', updatedAt: '', version: 1 },
    ]);
    expect(dates).toEqual([
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    // Two runs of consecutive days, read in one query per shard (the day between them dropped by its key), not seven.
    expect(consecutiveRanges(dates)).toEqual([
      { from: '2026-11-25', to: '2026-11-28' },
      { from: '2026-11-30', to: '2026-12-02' },
    ]);
    expect(querySpans(consecutiveRanges(dates))).toEqual([consecutiveRanges(dates)]);
    // A pre-due step a month ahead keeps a query of its own: a month of keys is not read through.
    const monthAhead = consecutiveRanges([...dates, '2026-12-27', '2026-12-28', '2026-12-29']);
    expect(querySpans(monthAhead)).toEqual([
      [
        { from: '2026-11-25', to: '2026-11-28' },
        { from: '2026-11-30', to: '2026-12-02' },
      ],
      [{ from: '2026-12-27', to: '2026-12-29' }],
    ]);
  });

  it('sends a pre-due reminder once however often it runs, at 09:00 in the customer zone', async () => {
    // Both reminders fell due on 27 Nov at 09:00 local. At 07:30Z it is 16:30 in Tokyo (send) and 21:30 in Honolulu (wait).
    await Promise.all([
      harness.asFunction('ReminderRun', () => runReminders(harness.engine)),
      harness.asFunction('ReminderRun', () => runReminders(harness.engine)),
    ]);
    await harness.asFunction('ReminderRun', () => runReminders(harness.engine));
    const sent = harness.outbox.list().filter((message) => message.step === 'upcoming');
    expect(sent.map((message) => message.customerId)).toEqual(['tokyo']);
    const events = harness.events.list().filter((event) => event.detailType === 'reminder.sent');
    expect(events.map((event) => event.detail)).toEqual([
      expect.objectContaining({ customerId: 'tokyo', stepId: 'upcoming', delinquencyId: null, channel: 'email' }),
    ]);
  });

  it('opens the delinquency once the due date has passed in the customer zone, not in UTC', async () => {
    // 2026-12-01T00:00 in Tokyo is 2026-11-30T15:00Z; in Honolulu it is 2026-12-01T10:00Z.
    harness.clock.set(new Date('2026-11-30T16:00:00Z'));
    const first = await harness.asFunction('ReminderRun', () => runReminders(harness.engine));
    const again = await harness.asFunction('ReminderRun', () => runReminders(harness.engine));
    expect(first).toMatchObject({ delinquenciesOpened: 1, executionsStarted: 1 });
    expect(again).toMatchObject({ delinquenciesOpened: 0, executionsStarted: 0 });
    expect((await harness.engine.invoices.get(TENANT, 'run-tokyo'))?.invoice.delinquencyId).not.toBeNull();
    expect((await harness.engine.invoices.get(TENANT, 'run-honolulu'))?.invoice.delinquencyId).toBeNull();
  });

  it('takes an invoice out of the run index once it is in collection', async () => {
    const page = await harness.table.client.send(
      new QueryCommand({
        TableName: harness.table.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.invoiceByDueDate(TENANT, '2026-11-30', 'run-tokyo', 2).gsi2pk },
      }),
    );
    expect((page.Items ?? []).filter((item) => String(item.gsi2sk).endsWith('#run-tokyo'))).toEqual([]);
    await harness.executions.idle();
  });
});
