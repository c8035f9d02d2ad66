// GET /v1/openapi.json (GetOpenApi): its line of the route table, on its own so its handler bundles only this route's schemas.
import type { ApiRoute } from './api-route';

export const getOpenApiRoute = {
  id: 'GetOpenApi',
  method: 'GET',
  path: '/v1/openapi.json',
  handler: 'get-openapi.handler.ts',
  summary: 'This API described as OpenAPI 3.1',
  responses: [{ status: 200, description: 'The OpenAPI document' }],
  public: true,
  dynamodb: { actions: [], indexes: [] },
} as const satisfies ApiRoute;
