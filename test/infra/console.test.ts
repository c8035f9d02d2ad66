// The console's stack as synthesized: a private bucket behind CloudFront with origin access control, the same security
// headers as `npm start` sends, the API at /v1/* of the same origin, the build and config.json deployed with the caching
// each needs, and the user pool's hosted sign-in that returns people to the console.
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { templateOf } from './synthesized';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { runInNewContext } from 'node:vm';
import { CONSOLE_SECURITY_HEADERS } from '../../local/console-assets';
import { buildArrearsApp } from '../../infra/lib/arrears-app';
import { consoleAddressFrom } from '../../infra/lib/console-address';
import { CONSOLE_BUILD, ConsoleStack } from '../../infra/lib/console-stack';

const ENV = { account: '123456789012', region: 'eu-west-1' };
const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/0f2a4b6c-1d3e-4f50-8a9b-0c1d2e3f4a5b';

/** The app as `cdk synth` builds it (cdk-nag on: the synth throws on any finding not acknowledged with a reason). */
const synthesized = (context: Record<string, string> = {}) => {
  const stacks = buildArrearsApp({ context: { 'aws:cdk:bundling-stacks': [], ...context } }, ENV);
  const assembly = stacks.app.synth();
  return { ...stacks, assembly, console: stacks.console! };
};

const { console: consoleStack, stateful, assembly } = synthesized();
const template = templateOf(consoleStack);
const statefulTemplate = templateOf(stateful);
const resources = (type: string) => Object.values(template.findResources(type));
/** The parts of the synthesized CloudFormation these tests read (the rest stays `unknown`). */
interface Origin {
  Id: string;
  DomainName: unknown;
  S3OriginConfig?: unknown;
  OriginAccessControlId?: unknown;
}
interface Behaviour {
  PathPattern?: string;
  TargetOriginId: string;
  ResponseHeadersPolicyId: unknown;
}
interface DistributionConfig {
  Origins: Origin[];
  DefaultCacheBehavior: Behaviour;
  CacheBehaviors: Behaviour[];
  Logging: unknown;
  Aliases?: string[];
  ViewerCertificate?: unknown;
}
interface Statement {
  Effect: string;
}
interface BucketPolicy {
  Properties: { Bucket: { Ref: string }; PolicyDocument: { Statement: Statement[] } };
}
interface HeaderSetting {
  Override: boolean;
}
interface SecurityHeaders {
  ContentSecurityPolicy: HeaderSetting & { ContentSecurityPolicy: unknown };
  FrameOptions: HeaderSetting & { FrameOption: string };
  ReferrerPolicy: HeaderSetting & { ReferrerPolicy: string };
  StrictTransportSecurity: HeaderSetting & {
    AccessControlMaxAgeSec: number;
    IncludeSubdomains?: boolean;
    Preload?: boolean;
  };
}
interface DeploymentProperties {
  DestinationBucketKeyPrefix: string;
  SourceObjectKeys: string[];
  SourceMarkers: Record<string, { 'Fn::ImportValue': string }>[];
}

const distributionConfigOf = (stackTemplate: Template): DistributionConfig =>
  (
    Object.values(stackTemplate.findResources('AWS::CloudFront::Distribution'))[0] as {
      Properties: { DistributionConfig: DistributionConfig };
    }
  ).Properties.DistributionConfig;
const config = distributionConfigOf(template);

/** An import of the stateful stack's export that names `construct` (the sign-in domain, the client). */
const importOf = (construct: string) => ({
  'Fn::ImportValue': Match.stringLikeRegexp(`^ArrearsStateful:.*${construct}`),
});

describe('the bucket', () => {
  it('is private, encrypted, versioned and logs its accesses', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: Match.stringLikeRegexp('^AccessLogs') },
        LogFilePrefix: 'site/',
      },
    });
  });

  it('refuses every request not made over TLS, its log bucket too', () => {
    const policies = resources('AWS::S3::BucketPolicy') as BucketPolicy[];
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });

  it('lets only this distribution read it, through origin access control (no OAI, no public read)', () => {
    template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: {
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      },
    });
    const [oac] = Object.keys(template.findResources('AWS::CloudFront::OriginAccessControl'));
    const siteOrigin = config.Origins.find((origin) => origin.S3OriginConfig)!;
    expect(siteOrigin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oac, 'Id'] });
    expect(siteOrigin.DomainName).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^Site/), 'RegionalDomainName'],
    });

    const [siteId] = Object.keys(
      template.findResources('AWS::S3::Bucket', { Properties: { VersioningConfiguration: {} } }),
    );
    const [distributionId] = Object.keys(template.findResources('AWS::CloudFront::Distribution'));
    const sitePolicy = (resources('AWS::S3::BucketPolicy') as BucketPolicy[]).find(
      (policy) => policy.Properties.Bucket.Ref === siteId,
    )!;
    const allows = sitePolicy.Properties.PolicyDocument.Statement.filter((statement) => statement.Effect === 'Allow');
    expect(allows).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: {
          StringEquals: {
            'AWS:SourceArn': {
              'Fn::Join': ['', expect.arrayContaining([':distribution/', { Ref: distributionId }])],
            },
          },
        },
      }),
    ]);
  });
});

describe('the security headers', () => {
  /** A CloudFormation string as text, an import written `${import}`: what a browser would read, tokens aside. */
  const text = (value: unknown): string => {
    if (typeof value === 'string') return value;
    const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
    if (join) return join[1].map(text).join(join[0]);
    return '${import}';
  };

  it("are the local runtime's, with Cognito's token endpoint the one place the console may fetch besides itself", () => {
    const [policy] = resources('AWS::CloudFront::ResponseHeadersPolicy') as {
      Properties: { ResponseHeadersPolicyConfig: { SecurityHeadersConfig: SecurityHeaders } };
    }[];
    const security = policy!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    // Every header set, and every one overriding whatever an origin (S3, the API) sends.
    for (const header of Object.values(security) as HeaderSetting[]) expect(header.Override).toBe(true);
    const hsts = security.StrictTransportSecurity;
    const sent = {
      'content-security-policy': text(security.ContentSecurityPolicy.ContentSecurityPolicy),
      'x-content-type-options': 'nosniff',
      'referrer-policy': security.ReferrerPolicy.ReferrerPolicy,
      'x-frame-options': security.FrameOptions.FrameOption.toUpperCase(),
      'strict-transport-security': `max-age=${hsts.AccessControlMaxAgeSec}${hsts.IncludeSubdomains ? '; includeSubDomains' : ''}${hsts.Preload ? '; preload' : ''}`,
    };
    expect(sent).toEqual({
      ...CONSOLE_SECURITY_HEADERS,
      'content-security-policy': CONSOLE_SECURITY_HEADERS['content-security-policy']!.replace(
        "connect-src 'self'",
        "connect-src 'self' https://${import}.auth.eu-west-1.amazoncognito.com",
      ),
    });
    expect(security.ContentSecurityPolicy.ContentSecurityPolicy).toEqual({
      'Fn::Join': [
        '',
        expect.arrayContaining([{ 'Fn::ImportValue': expect.stringMatching(/^ArrearsStateful:.*SignInDomain/) }]),
      ],
    });
  });

  it('are sent with everything the distribution serves: the page, the hashed files, the API', () => {
    const [policyId] = Object.keys(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    for (const behaviour of [config.DefaultCacheBehavior, ...config.CacheBehaviors])
      expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });
});

describe('the distribution', () => {
  const behaviourFor = (pattern: string) =>
    config.CacheBehaviors.find((behaviour) => behaviour.PathPattern === pattern)!;
  const originOf = (behaviour: Behaviour) => config.Origins.find((origin) => origin.Id === behaviour.TargetOriginId)!;

  it('serves the page and config.json from the bucket over HTTPS, never from its cache', () => {
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
      CachePolicyId: cloudfront.CachePolicy.CACHING_DISABLED.cachePolicyId,
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: expect.anything() }],
    });
    expect(originOf(config.DefaultCacheBehavior).S3OriginConfig).toBeDefined();
  });

  it("caches the build's hashed files with CloudFront's optimized policy", () => {
    expect(behaviourFor('/console/assets/*')).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
      CachePolicyId: cloudfront.CachePolicy.CACHING_OPTIMIZED.cachePolicyId,
      TargetOriginId: config.DefaultCacheBehavior.TargetOriginId,
    });
  });

  it('sends /v1/* to the HTTP API uncached, with every method and everything the caller sent but Host, over TLS 1.2', () => {
    const api = behaviourFor('/v1/*');
    expect(api).toMatchObject({
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: cloudfront.CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
    });
    expect(originOf(api)).toEqual({
      Id: api.TargetOriginId,
      DomainName: {
        'Fn::Select': [
          2,
          {
            'Fn::Split': [
              '/',
              { 'Fn::ImportValue': expect.stringMatching(/^ArrearsStateless:.*PartnerApi.*ApiEndpoint/) },
            ],
          },
        ],
      },
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
    });
  });

  it('writes its standard logs to the log bucket', () => {
    expect(config.Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [expect.stringMatching(/^AccessLogs/), 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
  });

  describe("its addresses function (CloudFront's JavaScript runtime, run here in a sandbox)", () => {
    const [fn] = resources('AWS::CloudFront::Function') as {
      Properties: { FunctionCode: string; FunctionConfig: { Runtime: string } };
    }[];
    const handle = (uri: string) =>
      runInNewContext(`${fn!.Properties.FunctionCode}\nhandler(event)`, { event: { request: { uri, headers: {} } } });

    it('runs on the 2.0 runtime', () => {
      expect(fn!.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    });

    it('sends / and /console to the console, and a folder to its index.html', () => {
      for (const uri of ['/', '/console']) {
        expect(handle(uri)).toEqual({
          statusCode: 301,
          statusDescription: 'Moved Permanently',
          headers: { location: { value: '/console/' } },
        });
      }
      expect(handle('/console/').uri).toBe('/console/index.html');
      expect(handle('/console/config.json').uri).toBe('/console/config.json');
      expect(handle('/console/assets/index-abc.js').uri).toBe('/console/assets/index-abc.js');
    });
  });
});

describe('the deployment of the build', () => {
  const deployments = template.findResources('Custom::CDKBucketDeployment');
  const deployment = (id: string) =>
    Object.entries(deployments).find(([logicalId]) => logicalId.startsWith(id))![1] as {
      Properties: DeploymentProperties;
      DependsOn?: string[];
    };
  /** The files of a deployment's source as the assembly staged them. */
  const filesOf = (objectKey: string | undefined): string[] => {
    const folder = path.join(assembly.directory, `asset.${objectKey!.replace(/\.zip$/, '')}`);
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(path.join(dir, entry.name)).map((file) => `${entry.name}/${file}`) : [entry.name],
      );
    return walk(folder).sort();
  };
  const built = readdirSync(path.join(CONSOLE_BUILD, 'assets'));

  it('puts the hashed files under /console/assets/ with a year of immutable caching, and nothing else', () => {
    const assets = deployment('DeployAssets').Properties;
    expect(assets).toMatchObject({
      DestinationBucketKeyPrefix: 'console/assets/',
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(assets.SourceObjectKeys).toHaveLength(1);
    expect(filesOf(assets.SourceObjectKeys[0])).toEqual(built.sort());
  });

  it('puts the page and config.json under /console/ revalidated on every load, after the files the page names', () => {
    const page = deployment('DeployPage');
    expect(page.Properties).toMatchObject({
      DestinationBucketKeyPrefix: 'console/',
      Prune: false,
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
    expect(filesOf(page.Properties.SourceObjectKeys[0])).toEqual(['index.html']);
    expect(filesOf(page.Properties.SourceObjectKeys[1])).toEqual(['config.json']);
    expect(page.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^DeployAssetsCustomResource/)]));
  });

  it('writes config.json: the API on the same origin, and the hosted sign-in of the people pool for the console client', () => {
    const page = deployment('DeployPage').Properties;
    const folder = path.join(assembly.directory, `asset.${page.SourceObjectKeys[1]!.replace(/\.zip$/, '')}`);
    const markers = page.SourceMarkers[1]!;
    // Each marker is filled in at deploy time with the import it stands for: written here as `{export name}`.
    let written = readFileSync(path.join(folder, 'config.json'), 'utf8');
    for (const [marker, value] of Object.entries(markers))
      written = written.split(marker).join(`{${value['Fn::ImportValue']}}`);
    const file = JSON.parse(written);
    const domain = expect.stringMatching(
      /^https:\/\/\{ArrearsStateful:ExportsOutputRefPeopleUserPoolSignInDomain\w+\}\.auth\.eu-west-1\.amazoncognito\.com/,
    );
    expect(file).toEqual({
      apiBase: '',
      auth: {
        mode: 'cognito',
        signInUrl: expect.stringMatching(/\/oauth2\/authorize$/),
        tokenUrl: expect.stringMatching(/\/oauth2\/token$/),
        signOutUrl: expect.stringMatching(/\/logout$/),
        clientId: expect.stringMatching(/^\{ArrearsStateful:ExportsOutputRefPeopleUserPoolConsoleClient\w+\}$/),
      },
    });
    for (const url of [file.auth.signInUrl, file.auth.tokenUrl, file.auth.signOutUrl]) expect(url).toEqual(domain);
  });

  it('logs its handler into a log group under the data key', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: importOf('DataKey') });
    template.hasResourceProperties('AWS::Lambda::Function', {
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('^DeploymentLogs') } },
    });
  });
});

describe('outputs and size', () => {
  it("names the console's address and the distribution's domain", () => {
    template.hasOutput('ConsoleUrl', {
      Value: {
        'Fn::Join': [
          '',
          ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^Distribution'), 'DomainName'] }, '/console/'],
        ],
      },
    });
    template.hasOutput('ConsoleDomainName', {
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Distribution'), 'DomainName'] },
      Description: Match.stringLikeRegexp('-c arrears:consoleDomain='),
    });
  });

  it('is a small stack of its own', () => {
    expect(consoleStack.stackName).toBe('ArrearsConsole');
    expect(Object.keys(template.toJSON().Resources)).toHaveLength(16);
  });
});

describe('the hosted sign-in (stateful stack)', () => {
  it('has a Cognito domain of the deployment, on the classic hosted pages', () => {
    statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'arrears-123456789012',
      ManagedLoginVersion: 1,
    });
  });

  it('keeps the console client to SRP until the console has an address', () => {
    statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlowsUserPoolClient: false,
      CallbackURLs: Match.absent(),
      SupportedIdentityProviders: ['COGNITO'],
    });
  });

  it("returns people to the distribution's own domain once it is named, with the code flow and PKCE", () => {
    const { stateful: named } = buildArrearsApp(
      { context: { 'aws:cdk:bundling-stacks': [], 'arrears:consoleDomain': 'd111111abcdef8.cloudfront.net' } },
      ENV,
      'Arrears',
      { checks: false, console: false },
    );
    templateOf(named).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: ['https://d111111abcdef8.cloudfront.net/console/'],
      LogoutURLs: ['https://d111111abcdef8.cloudfront.net/console/'],
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });
});

describe('a domain of your own', () => {
  const custom = synthesized({
    'arrears:consoleDomain': 'Console.Example.com',
    'arrears:consoleCertificateArn': CERTIFICATE,
  });
  const distributionConfig = distributionConfigOf(templateOf(custom.console));

  it('is served with its certificate over TLS 1.2 at least (cdk-nag CFR4 passes without an acknowledgement)', () => {
    expect(distributionConfig.Aliases).toEqual(['console.example.com']);
    expect(distributionConfig.ViewerCertificate).toEqual({
      AcmCertificateArn: CERTIFICATE,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
  });

  it('is where the hosted sign-in returns people, and the console URL output', () => {
    templateOf(custom.stateful).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://console.example.com/console/'],
      LogoutURLs: ['https://console.example.com/console/'],
    });
    templateOf(custom.console).hasOutput('ConsoleUrl', { Value: 'https://console.example.com/console/' });
  });
});

describe('the console address context', () => {
  it('reads a domain with its certificate, and the distribution’s own domain without one', () => {
    expect(consoleAddressFrom(undefined, undefined)).toBeUndefined();
    expect(consoleAddressFrom('d111111abcdef8.cloudfront.net', undefined)).toEqual({
      domainName: 'd111111abcdef8.cloudfront.net',
      url: 'https://d111111abcdef8.cloudfront.net/console/',
    });
    expect(consoleAddressFrom('console.example.com', CERTIFICATE)).toEqual({
      domainName: 'console.example.com',
      url: 'https://console.example.com/console/',
      certificateArn: CERTIFICATE,
    });
  });

  it.each([
    ['console.example.com', undefined, /name its certificate with -c arrears:consoleCertificateArn/],
    [undefined, CERTIFICATE, /needs -c arrears:consoleDomain as well/],
    ['https://console.example.com/', CERTIFICATE, /is not a domain name/],
    ['console.example.com', CERTIFICATE.replace('us-east-1', 'eu-west-1'), /is not an ACM certificate in us-east-1/],
    ['d111111abcdef8.cloudfront.net', CERTIFICATE, /is not needed for the distribution's own domain/],
  ])('refuses domain %s with certificate %s', (domain, certificate, message) => {
    expect(() => consoleAddressFrom(domain, certificate)).toThrow(message);
  });
});

describe('cdk-nag', () => {
  it('is checking the console stack: a bucket without logs or TLS enforcement fails the synth', () => {
    const { app, console: stack } = buildArrearsApp({ context: { 'aws:cdk:bundling-stacks': [] } }, ENV);
    new s3.Bucket(stack!, 'Careless');
    expect(() => app.synth()).toThrow(/AwsSolutions-S(1|10)/);
  });

  it('refuses to synthesize the console stack when the console is not built, saying how to build it', () => {
    const app = new App();
    const other = new Stack(app, 'Others', { env: ENV });
    expect(
      () =>
        new ConsoleStack(app, 'Unbuilt', {
          env: ENV,
          build: path.join(CONSOLE_BUILD, 'not-built-here'),
          api: apigwv2.HttpApi.fromHttpApiAttributes(other, 'Api', {
            httpApiId: 'abc123',
            apiEndpoint: 'https://abc123.execute-api.eu-west-1.amazonaws.com',
          }),
          key: kms.Key.fromKeyArn(
            other,
            'Key',
            `arn:aws:kms:eu-west-1:${ENV.account}:key/00000000-0000-0000-0000-000000000000`,
          ),
          signInBaseUrl: 'https://arrears-123456789012.auth.eu-west-1.amazoncognito.com',
          clientId: 'client',
        }),
    ).toThrow(/The console is not built .*run `npm run build:console`/);
  });
});
