// Cognito in a module of its own, so its SDK client loads only in the functions that manage people, on first use.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoPeopleDirectory } from '../../adapters/aws/cognito-people-directory';

export const createPeopleDirectory = (userPoolId: string): CognitoPeopleDirectory =>
  new CognitoPeopleDirectory(new CognitoIdentityProviderClient({}), userPoolId);
