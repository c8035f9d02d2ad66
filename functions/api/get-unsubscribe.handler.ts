// GET /v1/unsubscribe/{token}: a page with one confirm button. Mail scanners follow GET links, so GET changes nothing.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { NotFoundError } from '../../shared/errors/errors';
import { PAGE_HEADERS } from '../../shared/middleware/public-page';
import { getUnsubscribeRoute } from './routes/get-unsubscribe.route';

const page = (token: string) =>
  [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    '<title>Unsubscribe</title></head><body style="font-family:sans-serif;max-width:30em;margin:3em auto">',
    '<h1>Stop these emails?</h1><p>You will get no more collection emails at this address.</p>',
    `<form method="post" action="/v1/unsubscribe/${token}"><button type="submit">Unsubscribe</button></form>`,
    '</body></html>',
  ].join('\n');

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getUnsubscribeRoute, async ({ params }) => {
    if (!(await deps.unsubscribeTokens.resolve(params.token)))
      throw new NotFoundError('this unsubscribe link is not known');
    return { status: 200, body: page(params.token), headers: { ...PAGE_HEADERS }, raw: true };
  });

export const handler = deployedHandler(createHandler);
