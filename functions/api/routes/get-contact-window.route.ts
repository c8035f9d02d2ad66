// GET /v1/delinquencies/{delinquencyId}/contact-window (GetContactWindow): its line of the route table, on its own so its handler bundles only this route's schemas.
import { ContactWindowQuerySchema, ContactWindowSchema } from '../../../shared/schemas/contact.schema';
import { DelinquencyPathSchema } from '../../../shared/schemas/delinquency-view.schema';
import { AUTHENTICATED_READ, type ApiRoute } from './api-route';

export const getContactWindowRoute = {
  id: 'GetContactWindow',
  method: 'GET',
  path: '/v1/delinquencies/{delinquencyId}/contact-window',
  handler: 'get-contact-window.handler.ts',
  summary: 'The earliest moment from now a contact on a channel is allowed, and the rule that forbids it now',
  params: DelinquencyPathSchema,
  query: ContactWindowQuerySchema,
  responses: [{ status: 200, description: 'The window', schema: ContactWindowSchema }],
  roles: ['collector', 'manager'],
  dynamodb: { actions: [...AUTHENTICATED_READ, 'GetItem'], indexes: [] },
} as const satisfies ApiRoute;
