// GET /v1/delinquencies/{delinquencyId}/contacts (ListContacts): its line of the route table, on its own so its handler bundles only this route's schemas.
import { ContactListQuerySchema, ContactPageSchema } from '../../../shared/schemas/contact.schema';
import { DelinquencyPathSchema } from '../../../shared/schemas/delinquency-view.schema';
import { AUTHENTICATED_READ, type ApiRoute } from './api-route';

export const listContactsRoute = {
  id: 'ListContacts',
  method: 'GET',
  path: '/v1/delinquencies/{delinquencyId}/contacts',
  handler: 'list-contacts.handler.ts',
  summary: "A delinquency's contacts, newest first, with cursor pagination",
  params: DelinquencyPathSchema,
  query: ContactListQuerySchema,
  responses: [{ status: 200, description: 'A page of contacts', schema: ContactPageSchema }],
  roles: ['collector', 'manager'],
  dynamodb: { actions: [...AUTHENTICATED_READ, 'GetItem'], indexes: [] },
} as const satisfies ApiRoute;
