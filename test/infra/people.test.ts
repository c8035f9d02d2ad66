// The people's user pool as synthesized: in the stateful stack (it outlives redeploys), MFA for everyone (managers
// included), the tenant fixed at invitation, a public SRP client for the console, and the API functions pointed at it.
import { Match } from 'aws-cdk-lib/assertions';
import { defaultTemplates } from './synthesized';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { apiRoutes, type ApiRoute } from '../../functions/api/routes';
import { buildArrearsApp } from '../../infra/lib/arrears-app';

const ENV = { account: '123456789012', region: 'eu-west-1' };
const build = () => buildArrearsApp({ context: { 'aws:cdk:bundling-stacks': [] } }, ENV);
const { stateful: statefulTemplate, stateless: statelessTemplate } = defaultTemplates();

describe('the user pool', () => {
  it('is kept with the data: retained, protected from deletion, and absent from the stateless stack', () => {
    statefulTemplate.resourceCountIs('AWS::Cognito::UserPool', 1);
    statefulTemplate.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
    statelessTemplate.resourceCountIs('AWS::Cognito::UserPool', 0);
  });

  it('requires an authenticator app (TOTP) of everyone, managers included, and a strong password', () => {
    statefulTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it('blocks risky sign-ins (Plus feature plan, threat protection enforced)', () => {
    statefulTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('lets only admins create people, each bound for good to one tenant', () => {
    statefulTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      Schema: Match.arrayWith([Match.objectLike({ Name: 'tenantId', AttributeDataType: 'String', Mutable: false })]),
    });
  });

  it('has the groups manager and collector, manager first', () => {
    statefulTemplate.resourceCountIs('AWS::Cognito::UserPoolGroup', 2);
    statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'manager', Precedence: 0 });
    statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'collector', Precedence: 10 });
  });

  it('gives the console a public client that signs in with SRP, reads the tenant and cannot write it', () => {
    statefulTemplate.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      IdTokenValidity: 60,
      ReadAttributes: Match.arrayWith(['custom:tenantId']),
    });
    const [client] = Object.values(statefulTemplate.findResources('AWS::Cognito::UserPoolClient'));
    expect(JSON.stringify(client!.Properties.WriteAttributes)).not.toContain('tenantId');
  });
});

describe('the API functions', () => {
  const functions = statelessTemplate.findResources('AWS::Lambda::Function');
  const environmentOf = (route: ApiRoute) => {
    const entry = Object.entries(functions).find(([id]) => id.startsWith(`${route.id}Function`));
    if (!entry) throw new Error(`no function for ${route.id}`);
    return (entry[1] as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties.Environment
      .Variables;
  };

  it("verify people's id tokens against the pool's issuer and the console's client id on every route that takes a caller", () => {
    for (const route of apiRoutes as readonly ApiRoute[]) {
      const variables = environmentOf(route);
      if (route.public) {
        expect(variables.ID_TOKEN_ISSUER).toBeUndefined();
        continue;
      }
      const issuer = JSON.stringify(variables.ID_TOKEN_ISSUER);
      expect(issuer).toContain('https://cognito-idp.eu-west-1.');
      expect(issuer).toMatch(/Fn::ImportValue.*UserPool/);
      expect(JSON.stringify(variables.ID_TOKEN_AUDIENCE)).toMatch(/Fn::ImportValue.*ConsoleClient/);
    }
  });

  it('need no IAM to verify tokens (the keys are public): only the people routes may call Cognito, on the pool alone', () => {
    const roles = statelessTemplate.findResources('AWS::IAM::Role');
    for (const route of apiRoutes as readonly ApiRoute[]) {
      const [, fn] = Object.entries(functions).find(([id]) => id.startsWith(`${route.id}Function`))!;
      const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
      const role = roles[roleId];
      const cognitoStatements = (
        (role?.Properties.Policies ?? []) as {
          PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] };
        }[]
      )
        .flatMap((policy) => policy.PolicyDocument.Statement)
        .filter((statement) => JSON.stringify(statement.Action).includes('cognito-idp:'));
      const variables = environmentOf(route);
      if (!route.managesPeople?.length) {
        expect({ route: route.id, cognitoStatements }).toEqual({ route: route.id, cognitoStatements: [] });
        expect(variables.USER_POOL_ID).toBeUndefined();
        continue;
      }
      expect(cognitoStatements).toEqual([
        {
          Effect: 'Allow',
          Action:
            route.managesPeople.length === 1
              ? `cognito-idp:${route.managesPeople[0]}`
              : [...route.managesPeople].sort().map((action) => `cognito-idp:${action}`),
          // The pool's ARN from the stateful stack, as the table's is: never a wildcard.
          Resource: { 'Fn::ImportValue': expect.stringMatching(/ExportsOutputFnGetAttPeopleUserPool\w+Arn/) },
        },
      ]);
      expect(JSON.stringify(variables.USER_POOL_ID)).toMatch(/Fn::ImportValue.*PeopleUserPool/);
    }
  });
});

describe('cdk-nag', () => {
  it('is checking the pool: a pool without MFA, Plus or a strong password fails the synth', () => {
    const { app, stateful: stack } = build();
    new cognito.UserPool(stack, 'WeakPool', { passwordPolicy: { minLength: 6 } });
    expect(() => app.synth()).toThrow(/AwsSolutions-COG(1|8)/);
  });
});
