// GET /v1/customers/{customerId}/statement: open items, charges, payments, credit and total due; JSON or printable HTML.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { renderStatementHtml } from '../../shared/domain/messages/statement-html';
import { readerLocale, templateLocale } from '../../shared/domain/messages/render';
import { creditorOf } from '../../shared/domain/creditor';
import { customerStatement } from '../../shared/use-cases/statements';
import { getStatementRoute } from './routes/get-statement.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getStatementRoute, async ({ grant, params, query }) => {
    const statement = await customerStatement(deps, grant.tenantId, params.customerId);
    if (query.format === 'json') return { status: 200, body: statement };
    const [tenant, customer] = await Promise.all([
      deps.tenants.getTenant(grant.tenantId),
      deps.customers.get(grant.tenantId, params.customerId),
    ]);
    const intlLocale = tenant ? readerLocale(customer ?? {}, tenant) : (customer?.locale ?? 'en');
    const creditor = tenant ? creditorOf(tenant) : { name: grant.tenantId, legalName: grant.tenantId, brand: {} };
    const html = renderStatementHtml(statement, creditor, templateLocale(intlLocale), intlLocale);
    return { status: 200, body: html, headers: { 'content-type': 'text/html; charset=utf-8' }, raw: true };
  });

export const handler = deployedHandler(createHandler);
