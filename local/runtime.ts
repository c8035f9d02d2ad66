// Assembles the whole system on one machine: DynamoDB Local, the table, the real handlers, the clock, schedules and HTTP.
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { apiRoutes } from '../functions/api/routes';
import { nextHourlyFiring, REMINDER_RUN } from '../functions/schedules/schedules';
import { createDocumentClient } from '../shared/adapters/dynamodb/client';
import { buildApiDependencies, type ApiDependencies } from '../shared/env/api-dependencies';
import { systemClock, type Clock } from '../shared/ports/clock.port';
import { VirtualClock } from './clock';
import { createTable } from './create-table';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from './dynamodb-local';
import { createHttpServer, type RouteHandler } from './http-server';
import { lambdaContext } from './lambda-context';
import { Outbox } from './outbox';
import { parseLocalTenants, seedTenants, type LocalTenant } from './tenants';
import { RealTimerQueue, VirtualTimerQueue, type TimerQueue } from './timers';

export interface LocalRuntimeOptions {
  port: number;
  host: string;
  tenants?: string;
  clock: 'real' | 'virtual';
  clockStart?: string;
  /** Keep DynamoDB data in this folder between runs (default: in memory). */
  dataDir?: string;
  log: (line: string) => void;
}

export interface LocalRuntime {
  url: string;
  tenants: LocalTenant[];
  clock: Clock;
  dynamoEndpoint: string;
  stop(): Promise<void>;
}

export const TABLE_NAME = 'arrears-local';
const MAX_BODY_BYTES = 65_536;

type HandlerModule<D, E, R> = { createHandler: (deps: D) => (event: E, context: Context) => Promise<R> };

const loadApiHandlers = async (deps: ApiDependencies): Promise<Map<string, RouteHandler>> => {
  const handlers = new Map<string, RouteHandler>();
  for (const route of apiRoutes) {
    const module = (await import(`../functions/api/${route.handler.replace(/\.ts$/, '')}`)) as HandlerModule<
      ApiDependencies,
      Parameters<RouteHandler>[0],
      Awaited<ReturnType<RouteHandler>>
    >;
    handlers.set(route.id, module.createHandler(deps));
  }
  return handlers;
};

export const parseClockStart = (value: string | undefined): Date => {
  if (value === undefined || value === '') return new Date();
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) throw new Error(`ARREARS_CLOCK_START must be an ISO 8601 instant, got "${value}"`);
  return new Date(parsed);
};

export const startLocalRuntime = async (options: LocalRuntimeOptions): Promise<LocalRuntime> => {
  const tenants = parseLocalTenants(options.tenants);
  const virtualClock = options.clock === 'virtual' ? new VirtualClock(parseClockStart(options.clockStart)) : null;
  const clock: Clock = virtualClock ?? systemClock;
  const onTimerError = (label: string, error: unknown) => options.log(`timer ${label} failed: ${(error as Error).stack ?? String(error)}`);
  const virtualTimers = virtualClock ? new VirtualTimerQueue(virtualClock, onTimerError) : null;
  const timers: TimerQueue = virtualTimers ?? new RealTimerQueue(clock, onTimerError);

  const dynamo = await startDynamoDbLocal(options.dataDir ? { dataDir: options.dataDir } : {});
  const clientConfig = { endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const rawClient = new DynamoDBClient(clientConfig);
  try {
    await createTable(rawClient, TABLE_NAME);
    const documentClient = createDocumentClient(clientConfig);
    const deps = buildApiDependencies(documentClient, TABLE_NAME, clock, MAX_BODY_BYTES);
    await seedTenants(deps.tenants, tenants, clock.now());
    const handlers = await loadApiHandlers(deps);

    const reminderRun = (await import('../functions/schedules/reminder-run.handler')).createHandler({ clock, tenants: deps.tenants });
    const scheduleReminderRun = (after: Date) =>
      timers.schedule(nextHourlyFiring(REMINDER_RUN, after), REMINDER_RUN.id, async () => {
        const firedAt = clock.now();
        scheduleReminderRun(firedAt);
        const event = { 'detail-type': 'Scheduled Event', source: 'aws.events', time: firedAt.toISOString(), detail: {} };
        await reminderRun(event as unknown as ScheduledEvent, lambdaContext(REMINDER_RUN.id));
      });
    scheduleReminderRun(clock.now());

    const server = createHttpServer({
      handlers,
      clock,
      virtualTimers,
      outbox: new Outbox(),
      pendingTimers: () => timers.pending(),
      log: options.log,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const host = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
    let stopping: Promise<void> | undefined;
    return {
      url: `http://${host}:${address.port}`,
      tenants,
      clock,
      dynamoEndpoint: dynamo.endpoint,
      stop: () =>
        (stopping ??= (async () => {
          timers.stop();
          server.closeAllConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          documentClient.destroy();
          rawClient.destroy();
          await dynamo.stop();
        })()),
    };
  } catch (error) {
    rawClient.destroy();
    await dynamo.stop();
    throw error;
  }
};
