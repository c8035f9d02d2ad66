// Composes the two stacks and turns on cdk-nag's AwsSolutions checks for every synth.
import { App, type AppProps, type Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Validations } from 'aws-cdk-lib';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export interface ArrearsStacks {
  app: App;
  stateful: StatefulStack;
  stateless: StatelessStack;
}

/** Account and region come from the CLI's profile (CDK_DEFAULT_*); a customer-managed table key needs a concrete region. */
const defaultEnvironment = (): Environment => ({
  account: process.env.CDK_DEFAULT_ACCOUNT,
  region: process.env.CDK_DEFAULT_REGION ?? process.env.AWS_REGION ?? 'us-east-1',
});

export interface BuildOptions {
  /** cdk-nag's checks run on every real synth; the local runtime, which only reads the definitions, skips them. */
  checks?: boolean;
}

export const buildArrearsApp = (
  props: AppProps = {},
  env: Environment = defaultEnvironment(),
  prefix = 'Arrears',
  options: BuildOptions = {},
): ArrearsStacks => {
  const app = new App({
    ...props,
    context: {
      // Cross-stack references stay strong: the stateless stack must never lose the table it points at.
      '@aws-cdk/core:defaultCrossStackReferences': 'strong',
      ...props.context,
    },
  });
  const stateful = new StatefulStack(app, `${prefix}Stateful`, { env, description: 'Arrears: table, key, bus, topics (retained)' });
  const stateless = new StatelessStack(app, `${prefix}Stateless`, {
    env,
    description: 'Arrears: functions, partner API, schedules, state machines',
    table: stateful.table,
    key: stateful.key,
    bus: stateful.bus,
    configurationSet: stateful.configurationSet,
    emailEventsTopic: stateful.emailEventsTopic,
    alarmTopic: stateful.alarmTopic,
    defaultEmailFrom: app.node.tryGetContext('arrears:defaultEmailFrom') ?? 'collections@example.com',
  });
  if (options.checks !== false) Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stateful, stateless };
};
