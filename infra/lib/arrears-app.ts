// Composes the stacks (stateful, stateless, the console) and turns on cdk-nag's AwsSolutions checks for every synth.
import { App, type AppProps, type Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Validations } from 'aws-cdk-lib';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  ALARM_EMAIL_CONTEXT_KEY,
  DeployVariablesSchema,
  REGION_CONTEXT_KEY,
  alarmEmailFrom,
  resolveDeployEnvironment,
} from './deploy-environment';
import { CONSOLE_CERTIFICATE_CONTEXT_KEY, CONSOLE_DOMAIN_CONTEXT_KEY, consoleAddressFrom } from './console-address';
import { ConsoleStack } from './console-stack';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export interface ArrearsStacks {
  app: App;
  stateful: StatefulStack;
  stateless: StatelessStack;
  /** Absent when the build asked for none (the local runtime reads the other two only). */
  console?: ConsoleStack;
}

/**
 * The context of cdk.json (the feature flags): the CLI passes it to a synth it runs, and every other synth (tests, the
 * local runtime) reads it here, so all of them build the same templates.
 */
const projectContext = (): Record<string, unknown> => {
  const file = path.resolve(__dirname, '..', '..', 'cdk.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { context?: Record<string, unknown> }).context ?? {};
};

export interface BuildOptions {
  /** cdk-nag's checks run on every real synth; the local runtime, which only reads the definitions, skips them. */
  checks?: boolean;
  /** The console's stack needs the console built (console/dist); the local runtime, which serves it itself, leaves it out. */
  console?: boolean;
}

/**
 * The app of both stacks. `env` is given by tests and the local runtime; `cdk synth` and `cdk deploy` leave it out and
 * the region must then be named (see deploy-environment.ts): a customer-managed table key needs a concrete one.
 */
export const buildArrearsApp = (
  props: AppProps = {},
  env?: Environment,
  prefix = 'Arrears',
  options: BuildOptions = {},
): ArrearsStacks => {
  const app = new App({
    ...props,
    context: {
      ...projectContext(),
      // Cross-stack references stay strong: the stateless stack must never lose the table it points at.
      '@aws-cdk/core:defaultCrossStackReferences': 'strong',
      ...props.context,
    },
  });
  const environment =
    env ??
    resolveDeployEnvironment(app.node.tryGetContext(REGION_CONTEXT_KEY), DeployVariablesSchema.parse(process.env));
  const consoleAddress = consoleAddressFrom(
    app.node.tryGetContext(CONSOLE_DOMAIN_CONTEXT_KEY),
    app.node.tryGetContext(CONSOLE_CERTIFICATE_CONTEXT_KEY),
  );
  const stateful = new StatefulStack(app, `${prefix}Stateful`, {
    env: environment,
    description: 'Arrears: table, key, bus, topics (retained)',
    alarmEmail: alarmEmailFrom(app.node.tryGetContext(ALARM_EMAIL_CONTEXT_KEY)),
    secretsNamespace: prefix.toLowerCase(),
    ...(consoleAddress ? { consoleUrl: consoleAddress.url } : {}),
  });
  const stateless = new StatelessStack(app, `${prefix}Stateless`, {
    env: environment,
    description: 'Arrears: functions, partner API, schedules, state machines',
    table: stateful.table,
    key: stateful.key,
    bus: stateful.bus,
    configurationSet: stateful.configurationSet,
    emailEventsTopic: stateful.emailEventsTopic,
    alarmTopic: stateful.alarmTopic,
    people: stateful.people,
    defaultEmailFrom: app.node.tryGetContext('arrears:defaultEmailFrom') ?? 'collections@example.com',
    secretsNamespace: prefix.toLowerCase(),
  });
  // The console after both: it serves the API under its own origin and sends people to the pool's hosted sign-in.
  const consoleStack =
    options.console === false
      ? undefined
      : new ConsoleStack(app, `${prefix}Console`, {
          env: environment,
          description: 'Arrears: the console for people (S3, CloudFront, the API at /v1/*)',
          api: stateless.api,
          key: stateful.key,
          signInBaseUrl: stateful.people.signInDomain.baseUrl(),
          clientId: stateful.people.consoleClient.userPoolClientId,
          ...(consoleAddress ? { address: consoleAddress } : {}),
        });
  if (options.checks !== false) Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stateful, stateless, ...(consoleStack ? { console: consoleStack } : {}) };
};
