// Where a deployment goes: the region is never guessed, because the CDK CLI itself falls back to us-east-1 in silence.
import type { Environment } from 'aws-cdk-lib';
import { z } from 'zod';

/** The context key that names the region explicitly: `npx cdk deploy --all -c arrears:region=eu-west-1`. */
export const REGION_CONTEXT_KEY = 'arrears:region';
/** The context key of the address the alarm topic mails: `-c arrears:alarmEmail=ops@example.com`. */
export const ALARM_EMAIL_CONTEXT_KEY = 'arrears:alarmEmail';

/** What the CDK CLI hands a synth when it finds no region anywhere (and what a profile naming us-east-1 hands it too). */
const CLI_FALLBACK_REGION = 'us-east-1';

const RegionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'is not an AWS region name (like eu-west-1)');

/** The variables the region may come from; the CLI sets CDK_DEFAULT_* from the profile and the AWS_* variables. */
export const DeployVariablesSchema = z.object({
  AWS_REGION: z.string().optional(),
  AWS_DEFAULT_REGION: z.string().optional(),
  CDK_DEFAULT_REGION: z.string().optional(),
  CDK_DEFAULT_ACCOUNT: z.string().optional(),
});
export type DeployVariables = z.infer<typeof DeployVariablesSchema>;

export class MissingRegionError extends Error {
  constructor(detail: string) {
    super(
      `Arrears needs an explicit AWS region to synthesize or deploy (${detail}). Name it with ` +
        `\`-c ${REGION_CONTEXT_KEY}=eu-west-1\`, or set AWS_REGION (or AWS_DEFAULT_REGION), or a region in your AWS profile.`,
    );
    this.name = 'MissingRegionError';
  }
}

const checked = (region: string, source: string): string => {
  const parsed = RegionSchema.safeParse(region);
  if (!parsed.success)
    throw new MissingRegionError(`${source} "${region}" ${parsed.error.issues[0]?.message ?? 'is not a region'}`);
  return parsed.data;
};

/**
 * The region from, in order: the `arrears:region` context, AWS_REGION, AWS_DEFAULT_REGION, then the region the CLI read
 * from the profile (CDK_DEFAULT_REGION). The CLI overwrites CDK_DEFAULT_REGION with us-east-1 when it finds nothing, so
 * that value alone is taken for a guess and refused: name us-east-1 explicitly to deploy there.
 */
export const resolveDeployEnvironment = (contextRegion: unknown, variables: DeployVariables): Environment => {
  const account = variables.CDK_DEFAULT_ACCOUNT || undefined;
  if (contextRegion !== undefined && contextRegion !== '')
    return { account, region: checked(String(contextRegion), `-c ${REGION_CONTEXT_KEY}`) };
  if (variables.AWS_REGION) return { account, region: checked(variables.AWS_REGION, 'AWS_REGION') };
  if (variables.AWS_DEFAULT_REGION)
    return { account, region: checked(variables.AWS_DEFAULT_REGION, 'AWS_DEFAULT_REGION') };
  const cliRegion = variables.CDK_DEFAULT_REGION;
  if (!cliRegion) throw new MissingRegionError('none was given');
  if (cliRegion === CLI_FALLBACK_REGION) {
    throw new MissingRegionError(
      `the CDK CLI said ${CLI_FALLBACK_REGION}, which is also what it says when it finds no region at all`,
    );
  }
  return { account, region: checked(cliRegion, 'CDK_DEFAULT_REGION') };
};

/** The optional alarm subscription address, checked before anything is deployed. */
export const alarmEmailFrom = (contextValue: unknown): string | undefined => {
  if (contextValue === undefined || contextValue === '') return undefined;
  const parsed = z.email().safeParse(String(contextValue));
  if (!parsed.success) throw new Error(`-c ${ALARM_EMAIL_CONTEXT_KEY}=${String(contextValue)} is not an email address`);
  return parsed.data;
};
