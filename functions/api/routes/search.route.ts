// GET /v1/search (Search): its line of the route table, on its own so its handler bundles only this route's schemas.
import { SearchQuerySchema, SearchResultSchema } from '../../../shared/schemas/search.schema';
import { AUTHENTICATED_READ, type ApiRoute } from './api-route';

export const searchRoute = {
  id: 'Search',
  method: 'GET',
  path: '/v1/search',
  handler: 'search.handler.ts',
  summary:
    "Find a tenant's customers, invoices and cases by name (any word's beginning), e-mail, phone, invoice id or case reference",
  query: SearchQuerySchema,
  responses: [{ status: 200, description: 'What the query found, exact matches first', schema: SearchResultSchema }],
  roles: ['collector', 'manager'],
  // One Query per kind of term in the search index; GetItem for an invoice by id and the names of invoice hits.
  dynamodb: { actions: [...AUTHENTICATED_READ, 'GetItem'], indexes: [] },
} as const satisfies ApiRoute;
