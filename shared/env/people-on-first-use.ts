// The user pool's people, with the Cognito SDK loaded on the first call: only the people routes are given the pool.
import type { PeopleDirectory } from '../ports/people-directory.port';
import { onFirstUse } from './on-first-use';

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
