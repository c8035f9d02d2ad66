// The people who work the accounts: a Cognito user pool (groups manager and collector, each person bound to one tenant),
// the console's app client and the hosted sign-in the deployed console sends people to. It lives in the stateful stack: the pool holds people's accounts, passwords and MFA
// secrets, which a redeploy of the stateless stack must never recreate (and lose).
import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { PERSON_GROUPS, type PersonRole } from '../../shared/schemas/id-token.schema';
import { ID_TOKEN_LIFETIME_SECONDS } from '../../shared/schemas/id-token.schema';

/** Lower precedence wins when Cognito must pick one group's role; the API takes the highest role itself. */
const GROUP_PRECEDENCE: Record<PersonRole, number> = { manager: 0, collector: 10 };

const GROUP_DESCRIPTIONS: Record<PersonRole, string> = {
  manager: 'Credit managers: everything, including strategies, settings, keys, people and large dispute credits',
  collector: 'Collectors: the queue, cases, contacts, promises, plans, disputes opened, tasks',
};

export interface PeopleProps {
  /** The hosted sign-in's address: `https://<prefix>.auth.<region>.amazoncognito.com` (unique in the region). */
  signInDomainPrefix: string;
  /**
   * The deployed console's page (see infra/lib/console-address.ts): where the hosted sign-in returns people, with a
   * code, and where signing out lands. Until it is known, the client keeps SRP only and the hosted sign-in refuses it.
   */
  consoleUrl?: string;
}

export class People extends Construct {
  readonly userPool: cognito.UserPool;
  readonly consoleClient: cognito.UserPoolClient;
  readonly signInDomain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: PeopleProps) {
    super(scope, id);
    // MFA cannot be required per group in Cognito. Managers must have it, so everyone has it: TOTP (an authenticator
    // app) for all, set up at the first sign-in; no SMS, which is weaker and would need an SNS role and a budget.
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `${Stack.of(this).stackName}-people`,
      // Managers invite people; nobody signs themselves up (and so nobody chooses their own tenant).
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      // The tenant a person works for is set when they are invited and never changes: a person moving is a new account.
      customAttributes: { tenantId: new cognito.StringAttribute({ minLen: 1, maxLen: 128, mutable: false }) },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus: compromised-credential checks and adaptive authentication, enforced (risky sign-ins are blocked).
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: 'You are invited to the Arrears console',
        emailBody:
          'Hello {username}, you can now sign in to the Arrears console with the temporary password {####}. You will choose your own password and set up an authenticator app at the first sign-in.',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const role of PERSON_GROUPS) {
      new cognito.CfnUserPoolGroup(this, `${role[0]!.toUpperCase()}${role.slice(1)}Group`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: GROUP_DESCRIPTIONS[role],
        precedence: GROUP_PRECEDENCE[role],
      });
    }

    // Cognito's own sign-in pages (classic hosted UI: it needs no branding resource, and it walks a new person through
    // the temporary password and the authenticator app's setup that MFA requires).
    this.signInDomain = this.userPool.addDomain('SignInDomain', {
      cognitoDomain: { domainPrefix: props.signInDomainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI,
    });

    // The console is a single-page app: a public client (no secret) signing in with SRP, so no password ever leaves
    // the browser; its id token is what the API accepts as "Authorization: Bearer". Deployed, it signs in through the
    // hosted pages with the authorization code and PKCE (the console proves with its verifier that it asked for the code).
    this.consoleClient = this.userPool.addClient('ConsoleClient', {
      userPoolClientName: 'console',
      generateSecret: false,
      authFlows: { userSrp: true },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      ...(props.consoleUrl
        ? {
            oAuth: {
              flows: { authorizationCodeGrant: true },
              scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
              callbackUrls: [props.consoleUrl],
              logoutUrls: [props.consoleUrl],
            },
          }
        : { disableOAuth: true }),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.seconds(ID_TOKEN_LIFETIME_SECONDS),
      accessTokenValidity: Duration.seconds(ID_TOKEN_LIFETIME_SECONDS),
      refreshTokenValidity: Duration.hours(12),
      // The client reads the tenant but may never write it (it is immutable anyway, and never the user's to choose).
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('tenantId'),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    new CfnOutput(this, 'UserPoolId', {
      value: this.userPool.userPoolId,
      description:
        'The people of the console: invite them here, in the group manager or collector, with custom:tenantId',
    });
    new CfnOutput(this, 'ConsoleClientId', {
      value: this.consoleClient.userPoolClientId,
      description: "The console's app client: its id tokens are accepted by the API as Authorization: Bearer",
    });
    new CfnOutput(this, 'SignInUrl', {
      value: this.signInDomain.baseUrl(),
      description: "Cognito's hosted sign-in pages, where the deployed console sends people",
    });
  }
}
