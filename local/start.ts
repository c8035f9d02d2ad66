// `npm start`: runs Arrears on this machine with no AWS account, prints how to reach it, and stops cleanly on Ctrl-C.
// package.json starts it with V8's old space capped at 384 MB: what it keeps alive is small (85 MB after 1,000
// lifecycles), and without a cap V8 lets garbage grow the process to about a gigabyte before collecting it.
export {};

// Quiet by default: the runtime prints one line per request; handler logs are for when you ask (POWERTOOLS_LOG_LEVEL=INFO).
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.POWERTOOLS_SERVICE_NAME ??= 'arrears-local';
// The machine's Node may be older than Lambda's; the SDK's notice about that is not for local users.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const main = async () => {
  // DynamoDB Local's JVM is the slowest part of a start: it starts first, and boots on the other core while this
  // process loads the runtime's code; the runtime then keeps its data in it, as it would in one it started itself.
  const { startDynamoDbLocal } = await import('./dynamodb-local');
  const ownDynamoDb =
    process.env.ARREARS_DYNAMODB_LOCAL === undefined
      ? startDynamoDbLocal({
          quickStart: true,
          ...(process.env.ARREARS_DATA_DIR === undefined ? {} : { dataDir: process.env.ARREARS_DATA_DIR }),
        })
      : null;
  // Settled here so a failed start is reported where it is awaited below, not as an unhandled rejection meanwhile.
  ownDynamoDb?.catch(() => undefined);
  // The console's page and scripts, built again only when its sources changed (a few seconds, while the JVM boots).
  const { ensureConsoleBuilt } = await import('./console-assets');
  ensureConsoleBuilt((line) => process.stdout.write(`${line}\n`));
  const { startLocalRuntime } = await import('./runtime');
  const { iamEnforcementEnabled } = await import('./iam/enforcement');
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  const clockMode = process.env.ARREARS_CLOCK ?? 'real';
  if (clockMode !== 'real' && clockMode !== 'virtual')
    throw new Error(`ARREARS_CLOCK must be "real" or "virtual", got "${clockMode}"`);
  const quiet = process.env.ARREARS_QUIET === '1';
  const stripeUrl = process.env.ARREARS_STRIPE_API_URL;
  const stripeKey = process.env.ARREARS_STRIPE_API_KEY;
  if ((stripeUrl === undefined) !== (stripeKey === undefined))
    throw new Error('ARREARS_STRIPE_API_URL and ARREARS_STRIPE_API_KEY go together: set both or neither');
  if (stripeUrl !== undefined && !/^https?:\/\/\S+$/.test(stripeUrl))
    throw new Error(`ARREARS_STRIPE_API_URL must be an http(s) URL, got "${stripeUrl}"`);
  const runtime = await startLocalRuntime({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    ...(process.env.ARREARS_LOCAL_TENANTS === undefined ? {} : { tenants: process.env.ARREARS_LOCAL_TENANTS }),
    ...(process.env.ARREARS_LOCAL_USERS === undefined ? {} : { users: process.env.ARREARS_LOCAL_USERS }),
    clock: clockMode,
    ...(process.env.ARREARS_CLOCK_START === undefined ? {} : { clockStart: process.env.ARREARS_CLOCK_START }),
    dynamoDbLocal: ownDynamoDb ? (await ownDynamoDb).endpoint : process.env.ARREARS_DYNAMODB_LOCAL!,
    ...(process.env.ARREARS_DUE_DATE_SHARDS === undefined
      ? {}
      : { dueDateShards: Number(process.env.ARREARS_DUE_DATE_SHARDS) }),
    // Without a Stripe of the operator's own, the stand-in: card payments and collection work with no configuration.
    ...(stripeUrl && stripeKey
      ? { stripeApi: { url: stripeUrl, apiKey: stripeKey } }
      : { stripeApi: 'stand-in' as const, stripeStandInPort: port === 0 ? 0 : port + 1 }),
    iam: iamEnforcementEnabled(),
    log: quiet ? () => undefined : (line) => process.stdout.write(`${line}\n`),
  });
  const lines = [
    `Arrears local runtime listening on ${runtime.url}`,
    `  clock:     ${clockMode}${clockMode === 'virtual' ? ` (now ${runtime.clock.now().toISOString()}; POST /local/clock/advance)` : ''}`,
    `  dynamodb:  ${runtime.dynamoEndpoint} (DynamoDB Local)`,
    `  openapi:   ${runtime.url}/v1/openapi.json`,
    `  outbox:    ${runtime.url}/local/outbox`,
    `  console:   ${runtime.url}/console/ (sign in: ${runtime.url}/local/auth/sign-in)`,
    `  iam:       ${iamEnforcementEnabled() ? "each function's calls checked against its synthesized role (ARREARS_LOCAL_IAM=off turns it off)" : 'NOT enforced (ARREARS_LOCAL_IAM=off): AWS would refuse calls this runtime allows'}`,
    `  stripe:    ${runtime.stripeStandIn ? `stand-in at ${runtime.stripeStandIn.url} (card 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined; ARREARS_STRIPE_API_URL and ARREARS_STRIPE_API_KEY name another)` : `card payments and automatic collection go to ${stripeUrl}`}`,
    ...runtime.tenants.map(
      (tenant) =>
        `  tenant:    ${tenant.tenantId}  api key: ${tenant.apiKey}  stripe webhook secret: ${tenant.stripeWebhookSecret}`,
    ),
    ...runtime.users.map(
      (user) =>
        `  user:      ${user.username} (${user.role} of ${user.tenantId}, ${user.name})  token: POST ${runtime.url}/local/auth/token {"username":"${user.username}"}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping Arrears local runtime...\n`);
    runtime
      .stop()
      .then(async () => (await ownDynamoDb)?.stop())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
