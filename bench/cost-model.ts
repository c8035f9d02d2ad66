// Turns what a benchmark counted (transitions, invocations, DynamoDB calls and units, events, log lines) into what AWS
// would bill for it, with bench/prices.ts. Lambda's duration is modelled from the calls each invocation makes, not
// timed on this machine: a local wall time moves with the machine's load, a model moves only when the code does.
import { z } from 'zod';
import { FUNCTION_MEMORY_GB, PRICES } from './prices';

/**
 * The duration model of one warm invocation on arm64: a fixed handler cost (Middy's chain, zod parsing, Powertools'
 * logger and metrics flush) plus the round trips it waits for, at typical in-region latencies for a Lambda function
 * with keep-alive connections. A cold start adds the INIT phase, billed since 2025-08-01, on a share of invocations.
 */
export const DURATION_MODEL = {
  handlerMs: 4,
  /** GetItem, PutItem, UpdateItem, DeleteItem, Query, Scan. */
  dynamoDbCallMs: 6,
  /** TransactWriteItems, TransactGetItems, BatchWriteItem, BatchGetItem: two-phase or multi-item. */
  dynamoDbMultiItemCallMs: 12,
  sesSendMs: 40,
  snsPublishMs: 40,
  eventBridgePutMs: 15,
  /** StartExecution, SendTaskSuccess, CreateSchedule and friends. */
  controlPlaneCallMs: 20,
  /** INIT of a minified bundle that loads the SDK clients the runtime ships (Node.js 24, arm64). */
  initMs: { api: 300, engine: 400 },
  /**
   * Share of invocations that start a new environment. Wakes cluster at the hourly run and at the start of the
   * customers' contact hours, so most find a warm environment; a portfolio far smaller than 1,000 cases would see more.
   */
  coldStartShare: 0.1,
} as const;

/** Bytes of each log line CloudWatch Logs ingests, where it is not measured. */
export const LOG_MODEL = {
  /** One Step Functions history event at level ALL without execution data (ids, type, resource ARN, timestamps). */
  stateMachineEventBytes: 350,
  /** Lambda's platform.start and platform.report records in JSON format, with the X-Ray segment ids. */
  lambdaPlatformBytesPerInvocation: 600,
  /** One API Gateway access log line in the stage's format (six fields). */
  apiAccessLogBytes: 230,
  /** One EMF metric record the Powertools metrics flush writes. */
  emfBytesPerMetric: 150,
} as const;

const GB = 1024 ** 3;

export const FunctionUsageSchema = z.object({
  kind: z.enum(['api', 'engine']),
  invocations: z.number().nonnegative(),
  /** DynamoDB calls by command name, as the capacity meter counts them. */
  dynamoDbCalls: z.record(z.string(), z.number().nonnegative()),
});
export type FunctionUsage = z.infer<typeof FunctionUsageSchema>;

export const UsageSchema = z.object({
  stateTransitions: z.number().nonnegative(),
  historyEvents: z.number().nonnegative(),
  executions: z.number().nonnegative(),
  functions: z.record(z.string(), FunctionUsageSchema),
  dynamoDb: z.object({ readUnits: z.number().nonnegative(), writeUnits: z.number().nonnegative() }),
  /** Calls the engine's functions make to other services (counted as engine time). */
  emails: z.number().nonnegative(),
  sms: z.number().nonnegative(),
  eventBridgeEvents: z.number().nonnegative(),
  controlPlaneCalls: z.number().nonnegative(),
  schedulerInvocations: z.number().nonnegative(),
  /** Requests a partner system sends (the API's invocations that reach API Gateway). */
  apiRequests: z.number().nonnegative(),
  /** Bytes the handlers' logger wrote, measured at the deployed log level. */
  applicationLogBytes: z.number().nonnegative(),
  metricRecords: z.number().nonnegative(),
  /** Traces X-Ray records: each partner request, each execution, each scheduled or event-driven invocation. */
  traces: z.number().nonnegative(),
});
export type Usage = z.infer<typeof UsageSchema>;

const isMultiItem = (command: string) => /^(Transact|Batch)/.test(command);

/** Modelled milliseconds all invocations of one function ran, warm, before the other services' calls. */
export const modelledDurationMs = (usage: FunctionUsage): number =>
  usage.invocations * DURATION_MODEL.handlerMs +
  Object.entries(usage.dynamoDbCalls).reduce(
    (sum, [command, calls]) =>
      sum + calls * (isMultiItem(command) ? DURATION_MODEL.dynamoDbMultiItemCallMs : DURATION_MODEL.dynamoDbCallMs),
    0,
  );

export interface CostBreakdown {
  stepFunctions: number;
  lambdaRequests: number;
  lambdaDuration: number;
  lambdaInit: number;
  dynamoDb: number;
  eventBridge: number;
  scheduler: number;
  apiGateway: number;
  logs: number;
  xray: number;
}

export interface PricedUsage {
  costUsd: CostBreakdown;
  totalUsd: number;
  lambdaGbSeconds: { duration: number; init: number };
  logBytes: { stateMachine: number; lambda: number; apiAccess: number };
}

/** Dollars for what was counted, by service: infrastructure only (messages are priced apart). */
export const priceUsage = (input: Usage): PricedUsage => {
  const usage = UsageSchema.parse(input);
  const functions = Object.values(usage.functions);
  const invocations = functions.reduce((sum, fn) => sum + fn.invocations, 0);
  const otherCallsMs =
    usage.emails * DURATION_MODEL.sesSendMs +
    usage.sms * DURATION_MODEL.snsPublishMs +
    usage.eventBridgeEvents * DURATION_MODEL.eventBridgePutMs +
    usage.controlPlaneCalls * DURATION_MODEL.controlPlaneCallMs;
  const durationGbSeconds =
    functions.reduce((sum, fn) => sum + (modelledDurationMs(fn) / 1000) * FUNCTION_MEMORY_GB[fn.kind], 0) +
    (otherCallsMs / 1000) * FUNCTION_MEMORY_GB.engine;
  const initGbSeconds = functions.reduce(
    (sum, fn) =>
      sum +
      fn.invocations *
        DURATION_MODEL.coldStartShare *
        (DURATION_MODEL.initMs[fn.kind] / 1000) *
        FUNCTION_MEMORY_GB[fn.kind],
    0,
  );
  const logBytes = {
    stateMachine: usage.historyEvents * LOG_MODEL.stateMachineEventBytes,
    lambda:
      invocations * LOG_MODEL.lambdaPlatformBytesPerInvocation +
      usage.applicationLogBytes +
      usage.metricRecords * LOG_MODEL.emfBytesPerMetric,
    apiAccess: usage.apiRequests * LOG_MODEL.apiAccessLogBytes,
  };
  const costUsd: CostBreakdown = {
    stepFunctions: usage.stateTransitions * PRICES.stateTransition.usd,
    lambdaRequests: invocations * PRICES.lambdaRequest.usd,
    lambdaDuration: durationGbSeconds * PRICES.lambdaArmGbSecond.usd,
    lambdaInit: initGbSeconds * PRICES.lambdaArmGbSecond.usd,
    dynamoDb:
      usage.dynamoDb.readUnits * PRICES.readRequestUnit.usd + usage.dynamoDb.writeUnits * PRICES.writeRequestUnit.usd,
    eventBridge: usage.eventBridgeEvents * PRICES.eventBridgeEvent.usd,
    scheduler: usage.schedulerInvocations * PRICES.schedulerInvocation.usd,
    apiGateway: usage.apiRequests * PRICES.httpApiRequest.usd,
    logs:
      ((logBytes.stateMachine + logBytes.lambda) / GB) * PRICES.vendedLogsGb.usd +
      (logBytes.apiAccess / GB) * PRICES.logsIngestedGb.usd,
    xray: usage.traces * PRICES.xrayTrace.usd,
  };
  return {
    costUsd,
    totalUsd: Object.values(costUsd).reduce((a, b) => a + b, 0),
    lambdaGbSeconds: { duration: durationGbSeconds, init: initGbSeconds },
    logBytes,
  };
};

/** The same usage `factor` times over (an idle hour's to a month's). */
export const scaleUsage = (usage: Usage, factor: number): Usage => {
  const scaled = Object.fromEntries(
    Object.entries(usage).map(([key, value]) => [key, typeof value === 'number' ? value * factor : value]),
  ) as Usage;
  return {
    ...scaled,
    functions: Object.fromEntries(
      Object.entries(usage.functions).map(([name, fn]) => [
        name,
        {
          kind: fn.kind,
          invocations: fn.invocations * factor,
          dynamoDbCalls: Object.fromEntries(Object.entries(fn.dynamoDbCalls).map(([c, n]) => [c, n * factor])),
        },
      ]),
    ),
    dynamoDb: { readUnits: usage.dynamoDb.readUnits * factor, writeUnits: usage.dynamoDb.writeUnits * factor },
  };
};
