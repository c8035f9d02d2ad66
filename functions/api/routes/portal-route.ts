// What every portal route's line shares: its path and query, how its pages answer a link that leads nowhere, and how
// its forms answer a refusal (the page again, in the page's language), so each route file says only what is its own.
import { PortalPathSchema, PortalQuerySchema } from '../../../shared/schemas/portal.schema';
import type { ApiResponseSpec } from './api-route';

/** The signed token in the path and the optional `?lang=`. */
export const PORTAL_PARAMETERS = { params: PortalPathSchema, query: PortalQuerySchema } as const;

/** A link that is not ours, or no longer leads anywhere: an HTML page, never JSON. */
export const PORTAL_LINK_RESPONSES: ApiResponseSpec[] = [
  { status: 404, description: 'An HTML page: the link is not one of ours' },
  { status: 410, description: 'An HTML page: the link expired, or its customer was erased or its case handed on' },
];

/** A form's refusals: nothing was changed, and the customer reads why on the page. */
export const PORTAL_FORM_RESPONSES: ApiResponseSpec[] = [
  { status: 400, description: "The portal page, with the refusal in the page's language: nothing was changed" },
  { status: 403, description: 'Posted from another site (Sec-Fetch-Site or Origin): nothing was changed' },
  {
    status: 409,
    description: 'The portal page, with the refusal (the case is already promised, in a plan or disputed)',
  },
  ...PORTAL_LINK_RESPONSES,
  { status: 415, description: 'Not a form (application/x-www-form-urlencoded)' },
];
