// POST /portal/{token}/preferences (PostPortalPreferences): its line of the route table, on its own so its handler bundles only this route's schemas.
import type { ApiRoute } from './api-route';
import { PORTAL_PARAMETERS, PORTAL_FORM_RESPONSES } from './portal-route';

export const postPortalPreferencesRoute = {
  id: 'PostPortalPreferences',
  method: 'POST',
  path: '/portal/{token}/preferences',
  handler: 'post-portal-preferences.handler.ts',
  summary:
    'From the portal (a form, checkboxes `email`, `sms`): the customer stops reminders on a channel (an opt-out the engine honours)',
  ...PORTAL_PARAMETERS,
  responses: [{ status: 303, description: 'Back to the portal, with a thank-you' }, ...PORTAL_FORM_RESPONSES],
  public: true,
  // Reads as the portal page does; writes the opt-out and its line on the case's timeline.
  dynamodb: { actions: ['Query', 'GetItem', 'PutItem', 'UpdateItem'], indexes: ['gsi1'] },
  // Signs and checks the portal link with the stack's signing key.
  readsPortalSigningKey: true,
} as const satisfies ApiRoute;
