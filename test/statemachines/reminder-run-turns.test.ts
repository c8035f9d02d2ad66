// A reminder run bigger than one invocation: it stops when its time is up, hands the rest to a continuation, and the
// turns together open and start each delinquency exactly once; a start that fails waits in the index for the next
// turn; a scheduled firing that finds another run at work stands aside.
import type { ExecutionStarter } from '../../shared/ports/executions.port';
import type { RunTurnRef } from '../../shared/ports/run-continuation.port';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { runReminderTurn, type RunTurnDeps } from '../../shared/use-cases/reminder-run-turn';
import { createHarness, TENANT, type Harness } from './harness';

const INVOICES = 40;
let harness: Harness;
const handedOver: RunTurnRef[] = [];
const started: string[] = [];
/** Starts fail while this is above zero (a StartExecution outage past the adapter's retries). */
let failingStarts = 0;
const recordingStarter: ExecutionStarter = {
  start: async (name) => {
    if (failingStarts > 0) {
      failingStarts -= 1;
      throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    }
    if (started.includes(name)) return 'exists';
    started.push(name);
    return 'started';
  },
};
let deps: RunTurnDeps;

/** A wall clock that moves one millisecond per execution started: a turn's budget of N lets about N starts happen. */
const startsClock = () => started.length;

beforeAll(async () => {
  harness = await createHarness('2026-12-01T10:00:00Z');
  deps = {
    ...harness.engine,
    executions: recordingStarter,
    runConcurrency: 4,
    continuation: { continueRun: async (next) => void handedOver.push(next) },
  };
  await putCustomer(harness.engine, TENANT, 'big', {
    name: 'Big Co',
    kind: 'business',
    email: 'ap@big.example',
    timeZone: 'Europe/London',
  });
  for (let i = 0; i < INVOICES; i += 1) {
    await putInvoice(harness.engine, TENANT, `turn-${i}`, {
      customerId: 'big',
      amount: 1_000 + i,
      currency: 'GBP',
      issuedAt: '2026-11-01',
      dueDate: '2026-11-30',
    });
  }
});
afterAll(() => harness.stop());

describe('a reminder run in turns', () => {
  it('stops when its time is up and hands the rest over; the turns together start each execution once', async () => {
    const first = await runReminderTurn(deps, {
      runId: 'run-1',
      turn: 0,
      workMs: 15,
      leaseMs: 900_000,
      wallClock: startsClock,
    });
    expect(first).toMatchObject({ complete: false, continued: true });
    expect(first.executionsStarted).toBeGreaterThan(0);
    expect(first.executionsStarted).toBeLessThan(INVOICES);
    expect(handedOver).toEqual([{ runId: 'run-1', turn: 1 }]);

    // While run-1 holds the lease, the next hourly firing stands aside.
    const other = await runReminderTurn(deps, { runId: 'run-2', turn: 0, workMs: 1e9, leaseMs: 900_000 });
    expect(other).toMatchObject({ skipped: 'another run holds the lease', executionsStarted: 0 });

    let turn = 1;
    let result = first;
    while (!result.complete) {
      result = await runReminderTurn(deps, {
        runId: 'run-1',
        turn,
        workMs: 15,
        leaseMs: 900_000,
        wallClock: startsClock,
      });
      turn += 1;
      expect(turn).toBeLessThan(20);
    }
    expect(new Set(started).size).toBe(INVOICES);
    expect(started).toHaveLength(INVOICES);
    for (let i = 0; i < INVOICES; i += 1) {
      const found = await harness.engine.invoices.get(TENANT, `turn-${i}`);
      expect(found?.invoice).toMatchObject({ delinquencyId: expect.any(String) });
      expect(found?.invoice.awaitingStart).toBeUndefined();
    }
    // The run finished and gave the lease back: the next firing runs (and finds nothing to do).
    const next = await runReminderTurn(deps, { runId: 'run-3', turn: 0, workMs: 1e9, leaseMs: 900_000 });
    expect(next).toMatchObject({ complete: true, executionsStarted: 0, delinquenciesOpened: 0 });
    expect(next.skipped).toBeUndefined();
  });

  it('a start that fails past its retries is made by the next run, and the delinquency is opened only once', async () => {
    await putInvoice(harness.engine, TENANT, 'late-start', {
      customerId: 'big',
      amount: 5_000,
      currency: 'GBP',
      issuedAt: '2026-11-01',
      dueDate: '2026-11-30',
    });
    failingStarts = 1;
    const failed = await runReminderTurn(deps, { runId: 'run-4', turn: 0, workMs: 1e9, leaseMs: 900_000 });
    expect(failed).toMatchObject({ delinquenciesOpened: 1, executionsStarted: 0, startsDeferred: 1, complete: true });
    expect((await harness.engine.invoices.get(TENANT, 'late-start'))?.invoice.awaitingStart).toBe(true);

    const retried = await runReminderTurn(deps, { runId: 'run-5', turn: 0, workMs: 1e9, leaseMs: 900_000 });
    expect(retried).toMatchObject({ delinquenciesOpened: 0, executionsStarted: 1, startsDeferred: 0 });
    const invoice = (await harness.engine.invoices.get(TENANT, 'late-start'))?.invoice;
    expect(started).toContain(invoice?.delinquencyId);
    expect(invoice?.awaitingStart).toBeUndefined();
    const again = await runReminderTurn(deps, { runId: 'run-6', turn: 0, workMs: 1e9, leaseMs: 900_000 });
    expect(again).toMatchObject({ delinquenciesOpened: 0, executionsStarted: 0, invoicesRead: 0 });
  });
});
