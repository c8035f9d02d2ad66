// Assembles the whole system on one machine: DynamoDB Local, the table, the real handlers, the clock, schedules and HTTP.
import { fixedPortalSigningKey } from '../shared/ports/portal-signing-key.port';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { SesEmailSender } from '../shared/adapters/aws/ses-email-sender';
import { StripeCollector } from '../shared/adapters/stripe/stripe-collector';
import { buildEngineDependencies } from '../shared/env/engine-dependencies';
import { createHandler as createWakeHandler } from '../functions/tasks/wake.handler';
import { createHandler as createExecutionEndedHandler } from '../functions/events/execution-ended.handler';
import { deliverExecutionStatus } from './execution-status-delivery';
import { EventRecorder } from './event-recorder';
import { MetricsRecorder } from './metrics-recorder';
import { LocalExecutions } from './executions';
import { LocalScheduler } from './scheduler';
import { OutboxSmsSender, RecordingEmailSender } from './outbox-senders';
import { startSesServer } from './ses-server';
import { synthesizedStateMachines } from './synthesized-definitions';
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { apiRoutes } from '../functions/api/routes';
import { nextHourlyFiring, REMINDER_RUN, REMINDER_RUN_TIMEOUT_MS } from '../functions/schedules/schedules';
import type { ReminderRunEvent } from '../functions/schedules/reminder-run.handler';
import { RUN_CONTINUES_EVENT } from '../shared/adapters/aws/eventbridge-run-continuation';
import { meterCapacity } from '../shared/adapters/dynamodb/capacity-meter';
import { createDocumentClient } from '../shared/adapters/dynamodb/client';
import { buildApiDependencies, type ApiDependencies } from '../shared/env/api-dependencies';
import { systemClock, type Clock } from '../shared/ports/clock.port';
import { VirtualClock } from './clock';
import { createTable } from './create-table';
import { attachDynamoDbLocal, LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from './dynamodb-local';
import { createHttpServer, type RouteHandler } from './http-server';
import { lambdaContext } from './lambda-context';
import { Outbox } from './outbox';
import { localWebhookSecrets, parseLocalTenants, seedTenants, type LocalTenant } from './tenants';
import { RealTimerQueue, VirtualTimerQueue, type TimerQueue } from './timers';
import { IamEnforcement } from './iam/enforcement';
import { asFunction, currentFunction } from './iam/function-scope';

export interface LocalRuntimeOptions {
  port: number;
  host: string;
  tenants?: string;
  clock: 'real' | 'virtual';
  clockStart?: string;
  /** Keep DynamoDB data in this folder between runs (default: in memory). */
  dataDir?: string;
  /** A DynamoDB Local already running without -sharedDb, to keep a database of its own in instead of starting one. */
  dynamoDbLocal?: string;
  /** Shards of the due-date index (default 2 locally, 16 when deployed). */
  dueDateShards?: number;
  /** Base of the links in messages (unsubscribe, pay); default the local server's own address. */
  publicBaseUrl?: string;
  /** Where automatic instalment collection charges (Stripe's API or a stand-in for it), with the key to use. */
  stripeApi?: { url: string; apiKey: string };
  /** Each function's AWS calls checked against its synthesized IAM role (default on; ARREARS_LOCAL_IAM=off). */
  iam?: boolean;
  log: (line: string) => void;
}

export interface LocalRuntime {
  url: string;
  tenants: LocalTenant[];
  clock: Clock;
  dynamoEndpoint: string;
  sesEndpoint: string;
  stop(): Promise<void>;
}

export const TABLE_NAME = 'arrears-local';
/** The delinquency state machine's construct id: the principal its own calls (task invocations, hand-over) are checked as. */
const STATE_MACHINE_ID = 'DelinquencyStateMachine';
/** The stack's SES configuration set, as the local sender names it. */
const LOCAL_CONFIGURATION_SET = 'arrears-local';
const MAX_BODY_BYTES = 65_536;
/** The local stand-in for the stack's `<stack>/portal-signing-key` secret: a laptop's links are not secrets. */
const LOCAL_PORTAL_SIGNING_KEY = 'arrears-local-portal-signing-key';
/** A laptop's portfolio needs few shards; each one is a query of every hourly run (ARREARS_DUE_DATE_SHARDS). */
const LOCAL_DUE_DATE_SHARDS = 2;

type HandlerModule<D, E, R> = { createHandler: (deps: D) => (event: E, context: Context) => Promise<R> };

/** Each route's handler runs as its own function: its AWS calls are checked against that function's synthesized role. */
const loadApiHandlers = async (deps: ApiDependencies): Promise<Map<string, RouteHandler>> => {
  const handlers = new Map<string, RouteHandler>();
  for (const route of apiRoutes) {
    const module = (await import(`../functions/api/${route.handler.replace(/\.ts$/, '')}`)) as HandlerModule<
      ApiDependencies,
      Parameters<RouteHandler>[0],
      Awaited<ReturnType<RouteHandler>>
    >;
    handlers.set(route.id, asFunction(route.id, module.createHandler(deps)));
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
  const onTimerError = (label: string, error: unknown) =>
    options.log(`timer ${label} failed: ${(error as Error).stack ?? String(error)}`);
  const virtualTimers = virtualClock ? new VirtualTimerQueue(virtualClock, onTimerError) : null;
  const timers: TimerQueue = virtualTimers ?? new RealTimerQueue(clock, onTimerError);

  const dynamo = options.dynamoDbLocal
    ? attachDynamoDbLocal(options.dynamoDbLocal)
    : await startDynamoDbLocal(options.dataDir ? { dataDir: options.dataDir } : {});
  const ses = await startSesServer().catch(async (error: unknown) => {
    await dynamo.stop();
    throw error;
  });
  const clientConfig = { endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: dynamo.credentials };
  const rawClient = new DynamoDBClient(clientConfig);
  try {
    await createTable(rawClient, TABLE_NAME);
    // As strict as AWS: every call of a function is checked against the role `cdk synth` gives that function.
    const iam = new IamEnforcement({
      tableName: TABLE_NAME,
      configurationSetName: LOCAL_CONFIGURATION_SET,
      ...(options.iam === undefined ? {} : { enabled: options.iam }),
      onDenial: (denial) => options.log(`IAM denied ${denial.functionId}: ${denial.reason}`),
    });
    const documentClient = iam.instrument(createDocumentClient(clientConfig));
    const capacity = meterCapacity(documentClient, { attribute: currentFunction });
    // The engine and the executions need each other: the engine starts and wakes them, they run the engine's tasks.
    const late: { executions?: LocalExecutions } = {};
    const executionPort = iam.guardExecutions({
      wake: (token: string) => late.executions!.wake(token),
      end: (token: string, error: string, cause: string) => late.executions!.end(token, error, cause),
      start: (name: string, input: { tenantId: string; delinquencyId: string }) => late.executions!.start(name, input),
    });
    // EventBridge Scheduler on the timer queue: a wake schedule hands its token back as the scheduler's role.
    const scheduler = new LocalScheduler(timers, async (token) => {
      await iam.authorizeScheduledWake();
      await late.executions!.wake(token);
      await late.executions!.idle();
    });
    const outbox = new Outbox();
    const events = new EventRecorder();
    const metrics = new MetricsRecorder();
    const sesClient = iam.instrument(
      new SESClient({ endpoint: ses.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
    );
    const email = new RecordingEmailSender(
      new SesEmailSender(sesClient, LOCAL_CONFIGURATION_SET, () => clock.now()),
      outbox,
      clock,
    );
    const defaultEmailFrom = 'collections@arrears.local';
    const secrets = iam.guardSecrets(localWebhookSecrets(tenants, options.stripeApi?.apiKey ?? null));
    const publisher = iam.guardEvents(events);
    // One key for the whole laptop runtime, so links in the outbox still open after a restart on the same data.
    const portalSigningKey = fixedPortalSigningKey(LOCAL_PORTAL_SIGNING_KEY);
    const deps = buildApiDependencies(
      documentClient,
      TABLE_NAME,
      clock,
      MAX_BODY_BYTES,
      options.dueDateShards ?? LOCAL_DUE_DATE_SHARDS,
      executionPort,
      {
        confirmations: { email, defaultEmailFrom },
        webhookSecrets: secrets,
        events: publisher,
        metrics,
        portalSigningKey,
        ...(options.stripeApi ? { checkoutOrigins: [new URL(options.stripeApi.url).origin] } : {}),
      },
    );
    // Seeding is the operator's set-up, not a function's call; from here on every AWS call must come from a function.
    await seedTenants(deps.tenants, tenants, clock.now());
    iam.unattributed = 0;
    const handlers = await loadApiHandlers(deps);

    // The state machine is the one `cdk synth` produces: synthesized here, in-process, at start.
    const definition = synthesizedStateMachines().get('DelinquencyStateMachine');
    if (!definition) throw new Error('the synthesized app has no DelinquencyStateMachine');
    // The links in messages point at this server; its port is known once it listens.
    const settings = { publicBaseUrl: options.publicBaseUrl ?? '', defaultEmailFrom };
    const engine = buildEngineDependencies(
      documentClient,
      TABLE_NAME,
      clock,
      {
        portalSigningKey,
        email,
        sms: iam.guardSms(new OutboxSmsSender(outbox, clock)),
        events: publisher,
        executions: executionPort,
        wakeSchedules: iam.guardWakeSchedules(scheduler),
        metrics,
        ...(options.stripeApi
          ? { collector: new StripeCollector(secrets, options.stripeApi.url.replace(/\/$/, '')) }
          : {}),
      },
      settings,
      options.dueDateShards ?? LOCAL_DUE_DATE_SHARDS,
    );
    const executions = new LocalExecutions(
      definition.definition,
      { wake: iam.stateMachineTask(STATE_MACHINE_ID, 'WakeTask', createWakeHandler(engine)) as never },
      clock,
      timers,
      (name, error) => options.log(`execution ${name} failed: ${(error as Error).stack ?? String(error)}`),
      {
        onStatusChange: deliverExecutionStatus(
          timers,
          clock,
          asFunction('ExecutionEnded', createExecutionEndedHandler(engine)),
        ),
        authorizeHandOver: () =>
          iam.authorizeAs(STATE_MACHINE_ID, [
            { action: 'states:StartExecution', resource: iam.target.stateMachineArn },
          ]),
      },
    );
    late.executions = executions;

    const reminderRun = asFunction(
      REMINDER_RUN.id,
      (await import('../functions/schedules/reminder-run.handler')).createHandler(engine),
    );
    const invokeReminderRun = async (event: ReminderRunEvent) => {
      await reminderRun(event, lambdaContext(REMINDER_RUN.id, REMINDER_RUN_TIMEOUT_MS));
      await executions.idle();
    };
    // A run out of time continues at once, as the bus would deliver its hand-over event.
    engine.continuation = iam.guardContinuation({
      continueRun: async (next) =>
        timers.schedule(clock.now(), `${REMINDER_RUN.id} turn ${next.turn}`, () =>
          invokeReminderRun({
            id: randomUUID(),
            'detail-type': RUN_CONTINUES_EVENT.detailType,
            source: RUN_CONTINUES_EVENT.source,
            time: clock.now().toISOString(),
            detail: next,
          } as ReminderRunEvent),
        ),
    });
    const scheduleReminderRun = (after: Date) =>
      timers.schedule(nextHourlyFiring(REMINDER_RUN, after), REMINDER_RUN.id, async () => {
        const firedAt = clock.now();
        scheduleReminderRun(firedAt);
        await invokeReminderRun({
          id: randomUUID(),
          'detail-type': 'Scheduled Event',
          source: 'aws.events',
          time: firedAt.toISOString(),
          detail: {},
        } as ReminderRunEvent);
      });
    scheduleReminderRun(clock.now());

    const server = createHttpServer({
      handlers,
      clock,
      virtualTimers,
      outbox,
      events,
      metrics,
      executions,
      capacity,
      scheduler: () => ({ created: scheduler.created, invocations: scheduler.invocations }),
      pendingTimers: () => timers.pending(),
      iam: () => ({ enabled: iam.enabled, denials: iam.denials, unattributedCalls: iam.unattributed }),
      log: options.log,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const host = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
    settings.publicBaseUrl ||= `http://${host}:${address.port}`;
    let stopping: Promise<void> | undefined;
    return {
      url: `http://${host}:${address.port}`,
      tenants,
      clock,
      dynamoEndpoint: dynamo.endpoint,
      sesEndpoint: ses.endpoint,
      stop: () =>
        (stopping ??= (async () => {
          timers.stop();
          executions.stop();
          server.closeAllConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          documentClient.destroy();
          rawClient.destroy();
          sesClient.destroy();
          await ses.stop();
          await dynamo.stop();
        })()),
    };
  } catch (error) {
    rawClient.destroy();
    await ses.stop();
    await dynamo.stop();
    throw error;
  }
};
