// The console for people, deployed: its built files in a private bucket behind CloudFront (origin access control, the
// same security headers as `npm start` sends), the API under the same origin at /v1/*, and the settings that send people
// to Cognito's hosted sign-in. A stack of its own: the stateless stack is near the project's resource ceiling.
import {
  CfnOutput,
  DefaultStackSynthesizer,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  Token,
  Validations,
  type StackProps,
} from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { consoleSecurityPolicy } from '../../shared/web/console-security-headers';
import { CONSOLE_PATH, type ConsoleAddress } from './console-address';

/** `npm run build:console` writes here (gitignored): infra/bin/app.ts and the infra tests' global setup build it first. */
export const CONSOLE_BUILD = path.resolve(__dirname, '..', '..', 'console', 'dist');
/** Vite's folder of hashed file names: a new build is new names, so these may be cached for good. */
const HASHED_FOLDER = 'assets';
/** What the app's page and settings are: revalidated on every load, so a deployment shows at the next reload. */
const REVALIDATE = [s3deploy.CacheControl.noCache()];
const IMMUTABLE = [
  s3deploy.CacheControl.setPublic(),
  s3deploy.CacheControl.maxAge(Duration.days(365)),
  s3deploy.CacheControl.immutable(),
];

/**
 * The addresses the bucket does not hold as keys: `/` and `/console` lead to the console's page, and a folder's address
 * (`/console/`) to its index.html. Hash routing keeps every other address of the app a real file.
 */
const REWRITE_FUNCTION = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/' || uri === '${CONSOLE_PATH.slice(0, -1)}') {
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: '${CONSOLE_PATH}' } } };
  }
  if (uri.charAt(uri.length - 1) === '/') request.uri = uri + 'index.html';
  return request;
}`;

export interface ConsoleStackProps extends StackProps {
  /** The partner and people API: served under the console's own origin at /v1/*. */
  api: apigwv2.IHttpApi;
  /** Cognito's hosted sign-in of the people's pool: `https://<prefix>.auth.<region>.amazoncognito.com`. */
  signInBaseUrl: string;
  /** The console's app client of that pool. */
  clientId: string;
  /** The stateful stack's data key: every log group of the project is encrypted with it (the deployment's too). */
  key: kms.IKey;
  /** The built console; default console/dist. */
  build?: string;
  /** A domain of the operator's own, or the distribution's own name from a first deployment (console-address.ts). */
  address?: ConsoleAddress;
}

export class ConsoleStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** What the stack writes into config.json: the console reads it at start (console/src/config.ts). */
  readonly consoleConfig: Record<string, unknown>;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    const build = props.build ?? CONSOLE_BUILD;
    if (!existsSync(path.join(build, 'index.html'))) {
      throw new Error(
        `The console is not built (${build} has no index.html): run \`npm run build:console\`, or synthesize through infra/bin/app.ts, which builds it first.`,
      );
    }

    // Server access logs of the site bucket and CloudFront's standard logs, kept three months like the API's.
    // CloudFront's standard logs are written with an ACL grant, so this bucket alone keeps ACLs (owner preferred).
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason: 'This is the access log bucket of the console stack: logging its own accesses into itself would loop.',
    });

    this.bucket = new s3.Bucket(this, 'Site', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'site/',
      // Old builds' hashed files stay (a page loaded before a deployment still finds its scripts); old versions go.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
    });

    // Deployed, the console also fetches Cognito's token endpoint (the PKCE exchange); everything else is its own origin.
    const securityPolicy = consoleSecurityPolicy({ extraConnectSources: [props.signInBaseUrl] });
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'The console: the security headers of shared/web/console-security-headers.ts',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: securityPolicy.contentSecurityPolicy, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: frameOptionOf(securityPolicy.frameOptions), override: true },
        referrerPolicy: { referrerPolicy: referrerPolicyOf(securityPolicy.referrerPolicy), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(securityPolicy.strictTransportSecurity.maxAgeSeconds),
          includeSubdomains: securityPolicy.strictTransportSecurity.includeSubdomains,
          override: true,
        },
      },
    });

    const site = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    // The HTTP API's own address: `https://<id>.execute-api.<region>.amazonaws.com`, its $default stage at the root.
    const api = new origins.HttpOrigin(Fn.select(2, Fn.split('/', props.api.apiEndpoint)), {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    });
    const rewrite = new cloudfront.Function(this, 'ConsoleAddresses', {
      comment: 'The console: / and /console to /console/, a folder to its index.html',
      code: cloudfront.FunctionCode.fromInline(REWRITE_FUNCTION),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });

    const certificate = props.address?.certificateArn
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.address.certificateArn)
      : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Arrears console',
      ...(certificate && props.address ? { certificate, domainNames: [props.address.domainName] } : {}),
      // With a certificate of its own only: on *.cloudfront.net CloudFront fixes the policy itself (see CFR4 below).
      ...(certificate ? { minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 } : {}),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: accessLogs,
      logFilePrefix: 'cloudfront/',
      // The page and config.json: never from CloudFront's cache (a deployment shows at once), the bucket holds them.
      defaultBehavior: {
        origin: site,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        responseHeadersPolicy: headers,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        functionAssociations: [{ function: rewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [`${CONSOLE_PATH}${HASHED_FOLDER}/*`]: {
          origin: site,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: headers,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        },
        // The API under the console's origin: `connect-src 'self'` holds and no CORS is needed. Nothing is cached, and
        // everything the caller sent reaches the API (the Authorization and Idempotency-Key headers, the query) but
        // Host, which must be the API's own.
        '/v1/*': {
          origin: api,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        },
      },
    });

    this.consoleConfig = {
      apiBase: '',
      auth: {
        mode: 'cognito',
        signInUrl: `${props.signInBaseUrl}/oauth2/authorize`,
        tokenUrl: `${props.signInBaseUrl}/oauth2/token`,
        signOutUrl: `${props.signInBaseUrl}/logout`,
        clientId: props.clientId,
      },
    };
    const destinationKeyPrefix = CONSOLE_PATH.slice(1);
    // The deployment handler's log (which files it copied), encrypted like every other log group of the project.
    const deploymentLogs = new logs.LogGroup(this, 'DeploymentLogs', {
      encryptionKey: props.key,
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Two deployments, each setting its files' Cache-Control; neither prunes, so the other's files and the hashed
    // files of earlier builds stay. Nothing to invalidate: CloudFront never caches the page and config.json, and every
    // other file of a new build has a new name.
    const assets = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      sources: [s3deploy.Source.asset(path.join(build, HASHED_FOLDER))],
      destinationBucket: this.bucket,
      destinationKeyPrefix: `${destinationKeyPrefix}${HASHED_FOLDER}/`,
      cacheControl: IMMUTABLE,
      prune: false,
      memoryLimit: 256,
      logGroup: deploymentLogs,
    });
    const page = new s3deploy.BucketDeployment(this, 'DeployPage', {
      sources: [
        // Everything of the build but its hashed folder (the page), and not the build's source stamp.
        s3deploy.Source.asset(build, { exclude: [HASHED_FOLDER, '.source-hash'] }),
        s3deploy.Source.jsonData('config.json', this.consoleConfig),
      ],
      destinationBucket: this.bucket,
      destinationKeyPrefix,
      cacheControl: REVALIDATE,
      prune: false,
      memoryLimit: 256,
      logGroup: deploymentLogs,
    });
    // The page names the hashed files: they are in the bucket before it is.
    page.node.addDependency(assets);

    this.acknowledgeChecks(props);

    const consoleDomain = props.address?.domainName ?? this.distribution.distributionDomainName;
    new CfnOutput(this, 'ConsoleUrl', {
      value: `https://${consoleDomain}${CONSOLE_PATH}`,
      description: 'The console: people sign in here',
    });
    new CfnOutput(this, 'ConsoleDomainName', {
      value: this.distribution.distributionDomainName,
      description: props.address?.certificateArn
        ? `The distribution: point ${props.address.domainName} at it (a CNAME or an alias record)`
        : props.address
          ? "The distribution's domain: the console's address, where the hosted sign-in returns people"
          : 'Deploy again with -c arrears:consoleDomain=<this> so that the hosted sign-in accepts the console',
    });
  }

  /** What cdk-nag reports on this stack that is a choice, each with why. */
  private acknowledgeChecks(props: ConsoleStackProps): void {
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-CFR1',
        reason:
          "Collectors and managers work from wherever the creditor's team is; the API refuses anyone without a valid token.",
      },
      {
        id: 'AwsSolutions::AwsSolutions-CFR2',
        reason:
          'The distribution serves static files and the API, whose every route authenticates and is throttled at its stage; a WAF web ACL (in us-east-1) is an operator choice that this stack leaves open.',
      },
    );
    if (!props.address?.certificateArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions::AwsSolutions-CFR4',
        reason:
          "On its own *.cloudfront.net name a distribution has CloudFront's default certificate, whose TLS policy CloudFront fixes itself; name a domain of your own and its certificate (-c arrears:consoleDomain, -c arrears:consoleCertificateArn) to get TLSv1.2_2021. HSTS is sent either way.",
      });
    }
    // BucketDeployment's handler (one per stack, at the stack's root): CDK's own code, copying the build in at deploy time.
    const unresolved = (value: string, name: string) => (Token.isUnresolved(value) ? `<AWS::${name}>` : value);
    const account = unresolved(this.account, 'AccountId');
    const region = unresolved(this.region, 'Region');
    const qualifier =
      (this.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') as string | undefined) ??
      DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    for (const child of this.node.children) {
      if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
      Validations.of(child).acknowledge(
        {
          id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason:
            "CDK's BucketDeployment handler writes its own logs; the managed policy allows that and nothing else.",
        },
        ...[
          'Action::s3:GetObject*',
          'Action::s3:GetBucket*',
          'Action::s3:List*',
          'Action::s3:DeleteObject*',
          'Action::s3:Abort*',
          `Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-${account}-${region}/*`,
          `Resource::<${this.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket)}.Arn>/*`,
        ].map((finding) => ({
          id: `AwsSolutions::AwsSolutions-IAM5[${finding}]`,
          reason:
            "CDK's BucketDeployment handler reads the build from the CDK assets bucket and writes the keys under /console/ of the site bucket: S3's grant helpers name action families, and keys are object-level wildcards on those two buckets only.",
        })),
        {
          id: 'AwsSolutions::AwsSolutions-L1',
          reason: "CDK's BucketDeployment handler runs on the runtime CDK ships it for; it runs at deploy time only.",
        },
      );
    }
  }
}

const frameOptionOf = (value: string): cloudfront.HeadersFrameOption => {
  const found = Object.values(cloudfront.HeadersFrameOption).find((option) => option === value);
  if (!found) throw new Error(`X-Frame-Options ${value} is not one CloudFront can send`);
  return found;
};

const referrerPolicyOf = (value: string): cloudfront.HeadersReferrerPolicy => {
  const found = Object.values(cloudfront.HeadersReferrerPolicy).find((policy) => policy === value);
  if (!found) throw new Error(`Referrer-Policy ${value} is not one CloudFront can send`);
  return found;
};
