// Runs the synthesized delinquency state machine with the real task handlers against DynamoDB Local, on a virtual clock.
import { createHandler as createWakeHandler } from '../../functions/tasks/wake.handler';
import { createHandler as createExecutionEndedHandler } from '../../functions/events/execution-ended.handler';
import { deliverExecutionStatus } from '../../local/execution-status-delivery';
import { VirtualClock } from '../../local/clock';
import { EventRecorder } from '../../local/event-recorder';
import { MetricsRecorder } from '../../local/metrics-recorder';
import { LocalExecutions } from '../../local/executions';
import { LocalScheduler } from '../../local/scheduler';
import { Outbox } from '../../local/outbox';
import { OutboxSmsSender } from '../../local/outbox-senders';
import { synthesizedStateMachines } from '../../local/synthesized-definitions';
import { VirtualTimerQueue } from '../../local/timers';
import { meterCapacity, type CapacityMeter } from '../../shared/adapters/dynamodb/capacity-meter';
import { buildEngineDependencies, type FullEngineDeps } from '../../shared/env/engine-dependencies';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventPublisher } from '../../shared/ports/event-publisher.port';
import type { EmailSender, OutgoingEmail, SmsSender } from '../../shared/ports/notifier.port';
import type { PaymentCollector } from '../../shared/ports/payment-collector.port';
import { fixedPortalSigningKey } from '../../shared/ports/portal-signing-key.port';
import type { PutStrategyBody } from '../../shared/schemas/strategy.schema';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { openDelinquency } from '../../shared/use-cases/reminder-run';
import { listStrategies, putStrategy } from '../../shared/use-cases/strategies';
import { createTestTable, type TestTable } from '../fixtures/test-table';
import { IamEnforcement } from '../../local/iam/enforcement';
import { asFunction, runAsFunction } from '../../local/iam/function-scope';
import type { SynthesizedTemplates } from '../../local/synthesized-app';

const definition = synthesizedStateMachines().get('DelinquencyStateMachine')!.definition;

/** Records every email it is given; can be told to fail (a provider outage) a number of times first. */
export class OutboxEmailSender implements EmailSender {
  failuresLeft = 0;
  attempts = 0;

  constructor(
    private readonly outbox: Outbox,
    private readonly clock: VirtualClock,
  ) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    this.attempts += 1;
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw Object.assign(new Error('SES is unavailable'), { name: 'ServiceUnavailable' });
    }
    const messageId = `email-${this.attempts}`;
    this.outbox.record({
      id: messageId,
      channel: 'email',
      to: email.to,
      from: email.from,
      ...(email.replyTo ? { replyTo: email.replyTo } : {}),
      subject: email.subject,
      body: email.text,
      html: email.html,
      sentAt: this.clock.now().toISOString(),
      tenantId: email.context.tenantId,
      customerId: email.context.customerId,
      delinquencyId: email.context.delinquencyId,
      step: email.context.stepId,
    });
    return { messageId };
  }
}

export interface Harness {
  table: TestTable;
  stop(): void;
  clock: VirtualClock;
  timers: VirtualTimerQueue;
  outbox: Outbox;
  events: EventRecorder;
  /** Business metrics the engine counted, as GET /local/metrics shows them. */
  metrics: MetricsRecorder;
  email: OutboxEmailSender;
  engine: FullEngineDeps;
  executions: LocalExecutions;
  /** EventBridge Scheduler's stand-in: the one-time schedules that wake the waits. */
  scheduler: LocalScheduler;
  /** DynamoDB read and write units consumed through the harness's client. */
  capacity: CapacityMeter;
  /** Every AWS call of a task or of `asFunction` checked against that function's synthesized role. */
  iam: IamEnforcement;
  /** Runs work as a deployed function would (e.g. the hourly run's use case as `ReminderRun`), under its role. */
  asFunction<T>(functionId: string, work: () => Promise<T>): Promise<T>;
  advanceTo(iso: string): Promise<void>;
  /** Creates tenant, customer and invoice, opens the delinquency and starts its execution. */
  openCase(options: {
    invoiceId: string;
    dueDate: string;
    timeZone?: string;
    strategy?: PutStrategyBody;
    customer?: Record<string, unknown>;
    customerId?: string;
    amount?: number;
    /** The invoice's own description, as a partner sends it. */
    description?: string;
  }): Promise<string>;
}

export const TENANT = 'sm-tenant';
/** The delinquency state machine's construct id, the principal of its own calls. */
const STATE_MACHINE_ID = 'DelinquencyStateMachine';

export interface HarnessOptions {
  collector?: PaymentCollector;
  /** The engine's DynamoDB client (e.g. one that injects faults); the table is the harness's own. */
  client?: DynamoDBDocumentClient;
  /** Wraps the recording senders (e.g. to throttle or crash after the provider accepted). */
  wrapEmail?: (inner: EmailSender) => EmailSender;
  wrapSms?: (inner: SmsSender) => SmsSender;
  /** The engine's event publisher instead of the recorder. */
  events?: EventPublisher;
  /** Runs each task invocation (Wake), e.g. in its own crash scope. */
  invocation?: <T>(run: () => Promise<T>) => Promise<T>;
  /** The templates whose roles are enforced (default: the app as synthesized); a test may take a grant away. */
  templates?: SynthesizedTemplates;
  /** Enforcement off, only to show what it catches. */
  iam?: boolean;
}

export const createHarness = async (startIso: string, options: HarnessOptions = {}): Promise<Harness> => {
  const table = await createTestTable();
  const capacity = meterCapacity(table.client);
  const clock = new VirtualClock(new Date(startIso));
  const errors: unknown[] = [];
  const timers = new VirtualTimerQueue(clock, (_label, error) => errors.push(error));
  const outbox = new Outbox();
  const events = new EventRecorder();
  const metrics = new MetricsRecorder();
  const email = new OutboxEmailSender(outbox, clock);
  const late: { executions?: LocalExecutions } = {};
  const iam = new IamEnforcement({
    tableName: table.tableName,
    ...(options.templates ? { templates: options.templates } : {}),
    ...(options.iam === undefined ? {} : { enabled: options.iam }),
  });
  const scheduler = new LocalScheduler(timers, async (token) => {
    await iam.authorizeScheduledWake();
    await late.executions!.wake(token);
    await late.executions!.idle();
  });
  const engine = buildEngineDependencies(
    iam.instrument(options.client ?? table.client),
    table.tableName,
    clock,
    {
      portalSigningKey: fixedPortalSigningKey('harness-portal-signing-key'),
      email: iam.guardEmail(options.wrapEmail ? options.wrapEmail(email) : email),
      sms: iam.guardSms(
        options.wrapSms ? options.wrapSms(new OutboxSmsSender(outbox, clock)) : new OutboxSmsSender(outbox, clock),
      ),
      events: iam.guardEvents(options.events ?? events),
      metrics,
      executions: iam.guardExecutions({
        start: (name, input) => late.executions!.start(name, input),
        wake: (token) => late.executions!.wake(token),
        end: (token, error, cause) => late.executions!.end(token, error, cause),
      }),
      wakeSchedules: iam.guardWakeSchedules(scheduler),
      ...(options.collector ? { collector: options.collector } : {}),
    },
    { publicBaseUrl: 'http://arrears.test', defaultEmailFrom: 'collections@arrears.test' },
    2,
  );
  // The machine's role must allow invoking each task's function, which then runs under its own role.
  const wakeHandler = iam.stateMachineTask(STATE_MACHINE_ID, 'WakeTask', createWakeHandler(engine));
  const executions = new LocalExecutions(
    definition,
    {
      wake: (options.invocation
        ? (event: unknown, context: never) => options.invocation!(() => wakeHandler(event, context))
        : wakeHandler) as never,
    },
    clock,
    timers,
    () => undefined,
    // Early ends reach the restart marker as Step Functions' status events would (on the timer queue, like the bus).
    {
      onStatusChange: deliverExecutionStatus(
        timers,
        clock,
        asFunction('ExecutionEnded', createExecutionEndedHandler(engine)),
      ),
      authorizeHandOver: () =>
        iam.authorizeAs(STATE_MACHINE_ID, [{ action: 'states:StartExecution', resource: iam.target.stateMachineArn }]),
    },
  );
  late.executions = executions;
  await engine.tenants.putTenant({
    id: TENANT,
    name: 'Acme Energi',
    sendTime: '09:00',
    promiseGraceDays: 2,
    timeZone: 'UTC',
    disputeApprovalAbove: 100_000,
    statementMode: 'customer',
    creditHoldDaysPastDue: 30,
    createdAt: startIso,
  });
  return {
    table,
    capacity,
    iam,
    asFunction: (functionId, work) => runAsFunction(functionId, work),
    stop: () => {
      executions.stop();
      timers.stop();
      table.destroy();
    },
    clock,
    timers,
    outbox,
    events,
    metrics,
    email,
    engine,
    executions,
    scheduler,
    advanceTo: async (iso) => {
      await timers.advanceTo(new Date(iso));
      await executions.idle();
      if (errors.length > 0) throw errors[0];
    },
    openCase: async ({
      invoiceId,
      dueDate,
      timeZone = 'Europe/Oslo',
      strategy,
      customer,
      customerId = `cus-${invoiceId}`,
      amount = 125_000,
      description,
    }) => {
      const deps = { ...engine, clock };
      await putCustomer(deps, TENANT, customerId, {
        name: 'Kari Nordmann',
        kind: 'consumer',
        email: 'kari@example.no',
        phone: '+4791234567',
        timeZone,
        ...customer,
      } as never);
      const strategyId = strategy ? `s-${invoiceId}` : undefined;
      if (strategy) await putStrategy(deps, TENANT, strategyId!, strategy);
      await putInvoice(deps, TENANT, invoiceId, {
        customerId,
        amount,
        currency: 'NOK',
        issuedAt: '2026-11-01',
        dueDate,
        ...(strategyId ? { strategyId } : {}),
        ...(description ? { description } : {}),
      });
      const tenant = (await engine.tenants.getTenant(TENANT))!;
      const found = (await engine.invoices.get(TENANT, invoiceId))!;
      const debtor = (await engine.customers.getWithOptOuts(TENANT, customerId))!;
      const { delinquency } = await openDelinquency(
        engine,
        tenant,
        found.invoice,
        await listStrategies(engine, TENANT),
        debtor,
      );
      await executions.start(delinquency.id, { tenantId: TENANT, delinquencyId: delinquency.id });
      await executions.idle();
      return delinquency.id;
    },
  };
};
