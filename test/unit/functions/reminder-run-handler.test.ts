// The run's entry point: a scheduled firing starts a run named after its event (EventBridge's retry of it is the same
// run), a continuation event carries on the run and turn it names, and the turn's budget leaves a margin to finish.
import type { Context } from 'aws-lambda';
import { createHandler, type ReminderRunEvent } from '../../../functions/schedules/reminder-run.handler';
import { REMINDER_RUN_STOP_MARGIN_MS } from '../../../functions/schedules/schedules';
import type { RunTurnDeps } from '../../../shared/use-cases/reminder-run-turn';

const acquired: { holder: string; leaseMs: number }[] = [];
const released: string[] = [];
let listings = 0;
const deps = {
  clock: { now: () => new Date('2027-03-02T10:00:00Z') },
  tenants: { listTenants: async () => ((listings += 1), []) },
  runLease: {
    acquire: async (holder: string, now: Date, until: Date) => (
      acquired.push({ holder, leaseMs: until.getTime() - now.getTime() }),
      true
    ),
    release: async (holder: string) => void released.push(holder),
  },
  continuation: { continueRun: async () => undefined },
} as unknown as RunTurnDeps;

const context = (remainingMs: number) =>
  ({
    getRemainingTimeInMillis: () => remainingMs,
    functionName: 'ReminderRun',
    awsRequestId: 'req',
  }) as unknown as Context;
const event = (detailType: string, detail: unknown): ReminderRunEvent =>
  ({
    id: 'evt-1',
    'detail-type': detailType,
    source: 'aws.events',
    time: '2027-03-02T10:00:00Z',
    detail,
    account: '1',
    region: 'us-east-1',
    resources: [],
    version: '0',
  }) as ReminderRunEvent;

beforeEach(() => {
  acquired.length = 0;
  released.length = 0;
  listings = 0;
});

describe('the reminder run handler', () => {
  it('names a scheduled run after its event, and gives the lease back when the run is done', async () => {
    const result = await createHandler(deps)(event('Scheduled Event', {}), context(900_000));
    expect(result).toMatchObject({ runId: 'evt-1', turn: 0, complete: true, continued: false });
    expect(acquired).toEqual([{ holder: 'evt-1', leaseMs: 900_000 + 2 * REMINDER_RUN_STOP_MARGIN_MS }]);
    expect(released).toEqual(['evt-1']);
    // The run and the replay of parked events after it share one listing of the tenants.
    expect(listings).toBe(1);
  });

  it('carries on the run a continuation names', async () => {
    const result = await createHandler(deps)(
      event('ReminderRunContinues', { runId: 'run-7', turn: 3 }),
      context(900_000),
    );
    expect(result).toMatchObject({ runId: 'run-7', turn: 3 });
    expect(acquired.map((lease) => lease.holder)).toEqual(['run-7']);
  });

  it('treats a continuation without a run id as a new run, never as someone else’s', async () => {
    const result = await createHandler(deps)(event('ReminderRunContinues', { turn: 'x' }), context(900_000));
    expect(result).toMatchObject({ runId: 'evt-1', turn: 0 });
  });
});
