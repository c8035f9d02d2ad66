// The user pool's people, with the Cognito SDK loaded on the first call, and their records in the table: only the people
// routes are given them.
import type { PeopleDirectory } from '../ports/people-directory.port';
import { createDocumentClient } from '../adapters/dynamodb/client';
import { DynamoPersonAccessStore } from '../adapters/dynamodb/person-access.dynamodb';
import type { ApiDependencies } from './api-dependencies';
import { ApiEnvSchema } from './api.env';
import { onFirstUse } from './on-first-use';
import { readEnv } from './read-env';

export const peopleOnFirstUse = (userPoolId: string): PeopleDirectory => {
  const directory = onFirstUse(async () => (await import('./first-use/cognito')).createPeopleDirectory(userPoolId));
  return {
    listPeople: async (...args) => (await directory()).listPeople(...args),
    getPerson: async (...args) => (await directory()).getPerson(...args),
    invite: async (...args) => (await directory()).invite(...args),
    setRole: async (...args) => (await directory()).setRole(...args),
    deactivate: async (...args) => (await directory()).deactivate(...args),
    enable: async (...args) => (await directory()).enable(...args),
  };
};

/**
 * A people route's deployed dependencies: the shared ones and the pool its environment names. Only the people routes'
 * handlers import this, so only their bundles carry the Cognito adapter.
 */
export const withPeopleFromEnv = (deps: ApiDependencies): ApiDependencies => {
  const { USER_POOL_ID, TABLE_NAME } = readEnv(ApiEnvSchema);
  return {
    ...deps,
    ...(USER_POOL_ID ? { people: peopleOnFirstUse(USER_POOL_ID) } : {}),
    peopleRecords: new DynamoPersonAccessStore(createDocumentClient(), TABLE_NAME),
  };
};
