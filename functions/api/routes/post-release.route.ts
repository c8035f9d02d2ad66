// POST /v1/delinquencies/{delinquencyId}/release (PostRelease): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CaseStateSchema, ReleaseBodySchema } from '../../../shared/schemas/case-actions.schema';
import { DelinquencyPathSchema } from '../../../shared/schemas/delinquency-view.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const postReleaseRoute = {
  id: 'PostRelease',
  method: 'POST',
  path: '/v1/delinquencies/{delinquencyId}/release',
  handler: 'post-release.handler.ts',
  summary: 'Release a case from its hold: escalation resumes from the facts (a case not on hold is answered as it is)',
  params: DelinquencyPathSchema,
  body: ReleaseBodySchema,
  responses: [{ status: 200, description: 'The case', schema: CaseStateSchema }],
  idempotent: true,
  wakesExecutions: true,
  roles: ['collector', 'manager'],
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
} as const satisfies ApiRoute;
