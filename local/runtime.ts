// Assembles the whole system on one machine: DynamoDB Local, the table, the real handlers, the clock, schedules and HTTP.
import { secretPortalSigningKey } from '../shared/adapters/secret-portal-signing-key';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { SESClient } from '@aws-sdk/client-ses';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretsManagerSecrets } from '../shared/adapters/aws/secrets-manager-secrets';
import { StripeCheckout } from '../shared/adapters/stripe/stripe-checkout';
import { noCardCheckout, type CardCheckout } from '../shared/ports/card-checkout.port';
import { DEFAULT_SECRETS_NAMESPACE, type Secrets } from '../shared/ports/secrets.port';
import { startLocalSecretsManager } from './secrets-manager-server';
import { startStripeStandIn, type StripeStandIn } from './stripe-stand-in';
import { SesEmailSender } from '../shared/adapters/aws/ses-email-sender';
import { StripeCollector } from '../shared/adapters/stripe/stripe-collector';
import { buildEngineDependencies } from '../shared/env/engine-dependencies';
import { createHandler as createWakeHandler } from '../functions/tasks/wake.handler';
import { createHandler as createExecutionEndedHandler } from '../functions/events/execution-ended.handler';
import { createHandler as createReportLedgerHandler } from '../functions/streams/report-ledger.handler';
import { DynamoReportStream } from '../shared/adapters/dynamodb/report-stream.dynamodb';
import { LocalTableStream } from './table-stream';
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
import { withoutSdkLogging } from '../shared/adapters/aws/without-sdk-logging';
import { buildApiDependencies, type ApiDependencies } from '../shared/env/api-dependencies';
import { systemClock, type Clock } from '../shared/ports/clock.port';
import { VirtualClock } from './clock';
import { createTable, tableStreamArn } from './create-table';
import { attachDynamoDbLocal, LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from './dynamodb-local';
import { createHttpServer, type RouteHandler } from './http-server';
import { lambdaContext } from './lambda-context';
import { Outbox } from './outbox';
import { localWebhookSecrets, parseLocalTenants, seedLocalSecrets, seedTenants, type LocalTenant } from './tenants';
import { RealTimerQueue, VirtualTimerQueue, type TimerQueue } from './timers';
import { IamEnforcement } from './iam/enforcement';
import { asFunction, currentFunction } from './iam/function-scope';
import { JwksIdTokenVerifier } from '../shared/adapters/jwt/jwks-id-token-verifier';
import { LOCAL_AUTH_PATH, LocalIdentityProvider } from './identity-provider';
import { parseLocalUsers, type LocalUser } from './people';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoPeopleDirectory } from '../shared/adapters/aws/cognito-people-directory';
import { LocalUserPool, startLocalUserPoolServer } from './user-pool';
import { DynamoPersonAccessStore } from '../shared/adapters/dynamodb/person-access.dynamodb';
import { localUserPoolId } from './iam/template-resolver';
import { LOCAL_ENVIRONMENT } from './synthesized-app';

export interface LocalRuntimeOptions {
  port: number;
  host: string;
  tenants?: string;
  /** ARREARS_LOCAL_USERS: the people who sign in (default: a manager and a collector per tenant). */
  users?: string;
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
  /**
   * Where card payments and automatic instalment collection go (Stripe's API or a stand-in for it), with every local
   * tenant's key; 'stand-in': the runtime starts the Stripe stand-in itself (on `stripeStandInPort`, default any).
   */
  stripeApi?: { url: string; apiKey: string } | 'stand-in';
  stripeStandInPort?: number;
  /** Each function's AWS calls checked against its synthesized IAM role (default on; ARREARS_LOCAL_IAM=off). */
  iam?: boolean;
  log: (line: string) => void;
}

export interface LocalRuntime {
  url: string;
  tenants: LocalTenant[];
  users: readonly LocalUser[];
  clock: Clock;
  dynamoEndpoint: string;
  sesEndpoint: string;
  /** Card payments as the portal's functions make them (tenants' keys read from the local Secrets Manager). */
  cardCheckout: CardCheckout;
  /** Named secrets as the functions read them: each read checked against the calling function's role. */
  secrets: Secrets;
  /** Where card payments and collection go, when anywhere: Stripe's API, or the stand-in this runtime started. */
  stripeApiUrl: string | null;
  stripeStandIn: StripeStandIn | null;
  /** Hands every write made so far to the table stream's consumer; resolves once it has counted them. */
  drainTableStream(): Promise<void>;
  stop(): Promise<void>;
}

export const TABLE_NAME = 'arrears-local';
/** The delinquency state machine's construct id: the principal its own calls (task invocations, hand-over) are checked as. */
const STATE_MACHINE_ID = 'DelinquencyStateMachine';
/** The stack's SES configuration set, as the local sender names it. */
const LOCAL_CONFIGURATION_SET = 'arrears-local';
const MAX_BODY_BYTES = 65_536;
/** How often the stand-in of the stream's event source mapping hands records over: the deployed one's batching window. */
const STREAM_POLL_MS = 1_000;
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
  // The user pool's stand-in: its tokens are verified like Cognito's, against the keys it publishes over HTTP; managers
  // change its people through Cognito's admin API, which its server plays.
  const userPool = new LocalUserPool(
    localUserPoolId(LOCAL_ENVIRONMENT.region),
    parseLocalUsers(options.users, tenants),
    () => clock.now(),
  );
  const identity = new LocalIdentityProvider(userPool, clock);
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
  const secretsManager = await startLocalSecretsManager();
  const userPoolServer = await startLocalUserPoolServer(userPool);
  const standInOptions = { apiKey: `sk_test_local_${randomUUID().replace(/-/g, '')}`, host: options.host };
  // The port asked for when free (npm start asks for PORT+1, a stable address for the demo), else any free one.
  const standIn =
    options.stripeApi === 'stand-in'
      ? await startStripeStandIn({ ...standInOptions, port: options.stripeStandInPort ?? 0 }).catch(() =>
          startStripeStandIn({ ...standInOptions, port: 0 }),
        )
      : null;
  const stripeApi =
    options.stripeApi === 'stand-in' ? { url: standIn!.url, apiKey: standIn!.apiKey } : options.stripeApi;
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
    const secrets = iam.guardSecrets(localWebhookSecrets(tenants));
    // Secrets Manager's stand-in holds what an operator stores deployed; the functions read it with the real adapter.
    seedLocalSecrets(secretsManager, DEFAULT_SECRETS_NAMESPACE, tenants, stripeApi?.apiKey ?? null);
    const secretsClient = iam.instrument(
      new SecretsManagerClient({
        endpoint: secretsManager.endpoint,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
      }),
    );
    const namedSecrets = iam.guardNamedSecrets(new SecretsManagerSecrets(secretsClient));
    const cognitoClient = iam.instrument(
      new CognitoIdentityProviderClient({
        endpoint: userPoolServer.endpoint,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
      }),
    );
    const cardCheckout = stripeApi
      ? new StripeCheckout(namedSecrets, DEFAULT_SECRETS_NAMESPACE, stripeApi.url.replace(/\/$/, ''))
      : noCardCheckout;
    const publisher = iam.guardEvents(events);
    // The stack's signing key as its stand-in holds it (seeded from the tenants' secrets, so links in the outbox still
    // open after a restart on the same data), read like deployed: only a function granted the secret may sign or check.
    const portalSigningKey = secretPortalSigningKey(namedSecrets, DEFAULT_SECRETS_NAMESPACE);
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
        secrets: namedSecrets,
        secretsNamespace: DEFAULT_SECRETS_NAMESPACE,
        cardCheckout,
        idTokens: new JwksIdTokenVerifier(identity, clock),
        portalSigningKey,
        ...(stripeApi ? { checkoutOrigins: [new URL(stripeApi.url).origin] } : {}),
      },
    );
    // Every function here may be given the pool and the people's records; deployed, only the people routes are.
    deps.people = new CognitoPeopleDirectory(cognitoClient, userPool.userPoolId);
    deps.peopleRecords = new DynamoPersonAccessStore(documentClient, TABLE_NAME);
    // Seeding is the operator's set-up, not a function's call; from here on every AWS call must come from a function.
    await seedTenants(deps.tenants, tenants, clock.now());
    iam.unattributed = 0;
    // The report counters follow invoice writes from the table's stream, as the deployed ReportLedger function does.
    // Without the SDK's logging step, as on the DynamoDB client: it would filter every page of records (each invoice
    // write's two images) for a logger that writes nothing, while payments arrive.
    const streamsClient = iam.instrument(withoutSdkLogging(new DynamoDBStreamsClient(clientConfig)));
    const reportStream = new LocalTableStream({
      client: streamsClient,
      streamArn: await tableStreamArn(rawClient, TABLE_NAME),
      functionId: 'ReportLedger',
      handler: createReportLedgerHandler({ reportStream: new DynamoReportStream(documentClient, TABLE_NAME) }),
      onError: (error) => options.log(`report stream: ${(error as Error).stack ?? String(error)}`),
    });
    reportStream.poll(STREAM_POLL_MS);
    const handlers = await loadApiHandlers(deps);
    // Locally a report reads every write made before it: the stream is drained first (deployed, it lags by a second).
    for (const route of apiRoutes) {
      const handler = handlers.get(route.id)!;
      if (route.path.startsWith('/v1/reports/'))
        handlers.set(route.id, async (...args) => {
          await reportStream.drain();
          return handler(...args);
        });
    }

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
        ...(stripeApi
          ? {
              collector: new StripeCollector(
                namedSecrets,
                () => DEFAULT_SECRETS_NAMESPACE,
                stripeApi.url.replace(/\/$/, ''),
              ),
            }
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
      // The run folds closed days into snapshots: what was written before it is counted first, as the deployed
      // consumer has long counted it by then (the run folds a day only SNAPSHOT_SETTLE_MS after it closed).
      await reportStream.drain();
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
      reportStream,
      identity,
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
    // The stand-in delivers each tenant's events to this runtime's Stripe webhook route, signed with its secret.
    const runtimeUrl = `http://${host}:${address.port}`;
    standIn?.setWebhooks((tenantId) => {
      const tenant = tenants.find((candidate) => candidate.tenantId === tenantId);
      return tenant
        ? { url: `${runtimeUrl}/v1/webhooks/stripe/${tenantId}`, secret: tenant.stripeWebhookSecret }
        : null;
    });
    identity.issuer = `http://${host}:${address.port}${LOCAL_AUTH_PATH}`;
    let stopping: Promise<void> | undefined;
    return {
      url: `http://${host}:${address.port}`,
      tenants,
      users: identity.users,
      clock,
      dynamoEndpoint: dynamo.endpoint,
      sesEndpoint: ses.endpoint,
      cardCheckout,
      secrets: namedSecrets,
      stripeApiUrl: stripeApi?.url ?? null,
      stripeStandIn: standIn,
      drainTableStream: () => reportStream.drain(),
      stop: () =>
        (stopping ??= (async () => {
          timers.stop();
          executions.stop();
          await reportStream.stop();
          server.closeAllConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          documentClient.destroy();
          streamsClient.destroy();
          rawClient.destroy();
          sesClient.destroy();
          secretsClient.destroy();
          cognitoClient.destroy();
          await ses.stop();
          await secretsManager.stop();
          await userPoolServer.stop();
          await standIn?.stop();
          await dynamo.stop();
        })()),
    };
  } catch (error) {
    rawClient.destroy();
    await ses.stop();
    await secretsManager.stop();
    await userPoolServer.stop();
    await standIn?.stop();
    await dynamo.stop();
    throw error;
  }
};
