// The AWS prices the benchmarks turn counts into dollars with: us-east-1, on-demand, as published on the AWS pricing
// pages listed below. They could not be re-read from this offline machine: `asOf` is when they were last confirmed.
// Change them here when AWS changes them; every figure in bench/results follows.
export const PRICES = {
  asOf: '2025-06 (DynamoDB on-demand after the 2024-11-01 reduction)',
  region: 'us-east-1',
  sources: [
    'https://aws.amazon.com/step-functions/pricing/',
    'https://aws.amazon.com/lambda/pricing/',
    'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    'https://aws.amazon.com/eventbridge/pricing/',
    'https://aws.amazon.com/api-gateway/pricing/',
    'https://aws.amazon.com/ses/pricing/',
    'https://aws.amazon.com/sns/sms-pricing/',
  ],
  /** Step Functions Standard: per state transition ($0.025 per 1,000). */
  stateTransition: 0.025 / 1000,
  /** Lambda: per request ($0.20 per million) and per GB-second (x86, first tier). */
  lambdaRequest: 0.2 / 1_000_000,
  lambdaGbSecond: 0.0000166667,
  /** DynamoDB on-demand: per write and read request unit ($0.625 and $0.125 per million since November 2024). */
  writeRequestUnit: 0.625 / 1_000_000,
  readRequestUnit: 0.125 / 1_000_000,
  /** EventBridge: custom events put to a bus ($1.00 per million). */
  eventBridgeEvent: 1 / 1_000_000,
  /** API Gateway HTTP API: per request ($1.00 per million, first 300 million). */
  httpApiRequest: 1 / 1_000_000,
  /** Messaging, shown apart: SES per email ($0.10 per 1,000); SNS SMS to a US number (base price, before carrier fees). */
  sesEmail: 0.1 / 1000,
  snsSmsUs: 0.00581,
  /** The memory every function is deployed with (infra/constructs/arrears-function.ts), in GB. */
  functionMemoryGb: 0.25,
} as const;
