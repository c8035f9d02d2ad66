// A deployment goes to the region its operator named, never to us-east-1 because nothing was said.
import { buildArrearsApp } from '../../infra/lib/arrears-app';
import { MissingRegionError, resolveDeployEnvironment } from '../../infra/lib/deploy-environment';

describe('the region of a deployment', () => {
  it('is the -c arrears:region context first, then AWS_REGION, AWS_DEFAULT_REGION, then the profile region the CLI passed on', () => {
    expect(
      resolveDeployEnvironment('eu-west-3', { AWS_REGION: 'eu-west-1', CDK_DEFAULT_REGION: 'eu-west-1' }).region,
    ).toBe('eu-west-3');
    expect(
      resolveDeployEnvironment(undefined, {
        AWS_REGION: 'eu-west-1',
        AWS_DEFAULT_REGION: 'eu-north-1',
        CDK_DEFAULT_REGION: 'eu-west-1',
      }).region,
    ).toBe('eu-west-1');
    expect(
      resolveDeployEnvironment(undefined, { AWS_DEFAULT_REGION: 'eu-north-1', CDK_DEFAULT_REGION: 'eu-north-1' })
        .region,
    ).toBe('eu-north-1');
    expect(
      resolveDeployEnvironment(undefined, {
        CDK_DEFAULT_REGION: 'ap-southeast-2',
        CDK_DEFAULT_ACCOUNT: '123456789012',
      }),
    ).toEqual({
      region: 'ap-southeast-2',
      account: '123456789012',
    });
  });

  it('may be us-east-1 when someone says so', () => {
    expect(resolveDeployEnvironment('us-east-1', { CDK_DEFAULT_REGION: 'us-east-1' }).region).toBe('us-east-1');
    expect(
      resolveDeployEnvironment(undefined, { AWS_REGION: 'us-east-1', CDK_DEFAULT_REGION: 'us-east-1' }).region,
    ).toBe('us-east-1');
  });

  it("is refused when only the CLI's fallback (us-east-1) or nothing at all is there, with how to name one", () => {
    expect(() => resolveDeployEnvironment(undefined, { CDK_DEFAULT_REGION: 'us-east-1' })).toThrow(MissingRegionError);
    expect(() => resolveDeployEnvironment(undefined, { CDK_DEFAULT_REGION: 'us-east-1' })).toThrow(
      /-c arrears:region=eu-west-1.*AWS_REGION/,
    );
    expect(() => resolveDeployEnvironment(undefined, {})).toThrow(/needs an explicit AWS region .*none was given/);
    expect(() => resolveDeployEnvironment('', {})).toThrow(MissingRegionError);
  });

  it('is refused when it is not a region name', () => {
    expect(() => resolveDeployEnvironment('Ireland', {})).toThrow(
      /-c arrears:region "Ireland" is not an AWS region name/,
    );
    expect(() => resolveDeployEnvironment(undefined, { AWS_REGION: 'eu west 1' })).toThrow(/AWS_REGION "eu west 1"/);
  });

  it('stops `cdk synth` before anything is built when none is given (the app reads the context and the process environment)', () => {
    const saved = { ...process.env };
    try {
      for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'CDK_DEFAULT_ACCOUNT']) delete process.env[name];
      process.env.CDK_DEFAULT_REGION = 'us-east-1';
      expect(() => buildArrearsApp({ context: { 'aws:cdk:bundling-stacks': [] } })).toThrow(MissingRegionError);
      const { stateful } = buildArrearsApp({
        context: { 'aws:cdk:bundling-stacks': [], 'arrears:region': 'eu-central-1' },
      });
      expect(stateful.region).toBe('eu-central-1');
    } finally {
      process.env = saved;
    }
  });
});
