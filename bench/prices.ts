// The AWS prices the benchmarks turn counts into dollars with (us-east-1, on-demand, first pricing tier, free tiers left
// out): each with the page it comes from and when it was read. This machine is offline, so none could be re-read here:
// `fromMemory` marks the figures written down from the pages as last known, to re-check against the page before quoting.
// Change them here when AWS changes them; every figure in bench/results follows.
import { z } from 'zod';

export const PriceSchema = z.object({
  /** Dollars per one unit (one transition, one request, one GB-second, one GB...). */
  usd: z.number().nonnegative(),
  unit: z.string(),
  source: z.url(),
  /** When the figure was read from the source (YYYY-MM). */
  asOf: z.string().regex(/^\d{4}-\d{2}$/),
  /** Not re-read when written here: the figure as known then. */
  fromMemory: z.boolean(),
});
export type Price = z.infer<typeof PriceSchema>;

const memo = (usd: number, unit: string, source: string, asOf = '2025-06'): Price =>
  PriceSchema.parse({ usd, unit, source, asOf, fromMemory: true });

export const PRICES = {
  region: 'us-east-1',
  /** Step Functions Standard: $0.025 per 1,000 state transitions. */
  stateTransition: memo(0.025 / 1000, 'state transition', 'https://aws.amazon.com/step-functions/pricing/'),
  /** Lambda: $0.20 per million requests, any architecture. */
  lambdaRequest: memo(0.2 / 1_000_000, 'request', 'https://aws.amazon.com/lambda/pricing/'),
  /** Lambda on Arm (Graviton): $0.0000133334 per GB-second, first 7.5 billion GB-s a month (x86 is $0.0000166667). */
  lambdaArmGbSecond: memo(0.0000133334, 'GB-second (arm64)', 'https://aws.amazon.com/lambda/pricing/'),
  /**
   * The INIT phase of on-demand functions on managed runtimes is billed like the handler's duration since 2025-08-01
   * (AWS Compute blog, "AWS Lambda standardizes billing for INIT phase"); the GB-second price above applies.
   */
  lambdaInitBilledSince: '2025-08-01',
  /** DynamoDB on-demand: $0.625 per million write request units, $0.125 per million read units (since 2024-11-01). */
  writeRequestUnit: memo(0.625 / 1_000_000, 'write request unit', 'https://aws.amazon.com/dynamodb/pricing/on-demand/'),
  readRequestUnit: memo(0.125 / 1_000_000, 'read request unit', 'https://aws.amazon.com/dynamodb/pricing/on-demand/'),
  /** EventBridge: custom events put to a bus, $1.00 per million (64 KB chunks). */
  eventBridgeEvent: memo(1 / 1_000_000, 'custom event', 'https://aws.amazon.com/eventbridge/pricing/'),
  /** EventBridge Scheduler: $1.00 per million invocations (after 14 million free a month, left out here). */
  schedulerInvocation: memo(1 / 1_000_000, 'scheduled invocation', 'https://aws.amazon.com/eventbridge/pricing/'),
  /** API Gateway HTTP API: $1.00 per million requests (first 300 million a month, 512 KB steps). */
  httpApiRequest: memo(1 / 1_000_000, 'request', 'https://aws.amazon.com/api-gateway/pricing/'),
  /** CloudWatch Logs: $0.50 per GB ingested, standard class (API Gateway access logs, Lambda's own log groups). */
  logsIngestedGb: memo(0.5, 'GB ingested', 'https://aws.amazon.com/cloudwatch/pricing/'),
  /** CloudWatch vended logs (Step Functions, and Lambda since 2025-05): $0.50 per GB for the first 10 TB a month. */
  vendedLogsGb: memo(0.5, 'GB delivered', 'https://aws.amazon.com/cloudwatch/pricing/'),
  /** CloudWatch custom metrics (EMF included): $0.30 per metric a month for the first 10,000: a fixed cost, not per lifecycle. */
  customMetricMonth: memo(0.3, 'metric-month', 'https://aws.amazon.com/cloudwatch/pricing/'),
  /** X-Ray: $5.00 per million traces recorded (after 100,000 free a month, left out here). */
  xrayTrace: memo(5 / 1_000_000, 'trace recorded', 'https://aws.amazon.com/xray/pricing/'),
  /** Messaging, shown apart: SES $0.10 per 1,000 emails; SNS SMS to a US number (base price, before carrier fees). */
  sesEmail: memo(0.1 / 1000, 'email', 'https://aws.amazon.com/ses/pricing/'),
  snsSmsUs: memo(0.00581, 'SMS to the US', 'https://aws.amazon.com/sns/sms-pricing/'),
} as const;

/**
 * The memory each kind of function is deployed with, in GB: the engine's (tasks, hourly run) 512 MB in
 * infra/lib/stateless-stack.ts, every other function (API routes, ExecutionEnded) the 256 MB default of
 * infra/constructs/arrears-function.ts. All run on arm64.
 */
export const FUNCTION_MEMORY_GB = { api: 0.25, engine: 0.5 } as const;

/** The price table as bench/results records it beside the figures. */
export const priceTable = () =>
  Object.fromEntries(Object.entries(PRICES).filter((entry): entry is [string, Price] => typeof entry[1] === 'object'));
