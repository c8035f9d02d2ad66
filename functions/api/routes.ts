// The partner API's route table: the one list that the CDK stack deploys, the local runtime serves and OpenAPI documents.
// Each line lives in routes/<handler>.route.ts, which its handler imports alone; this file gathers them all (and only
// the stack, the local runtime, OpenAPI and tests import it).
import type { ApiRoute } from './routes/api-route';
import { putCustomerRoute } from './routes/put-customer.route';
import { getCustomerRoute } from './routes/get-customer.route';
import { postOptOutRoute } from './routes/post-opt-out.route';
import { postCasePaymentRoute } from './routes/post-case-payment.route';
import { getStatementRoute } from './routes/get-statement.route';
import { putInvoiceRoute } from './routes/put-invoice.route';
import { getInvoiceRoute } from './routes/get-invoice.route';
import { postPaymentRoute } from './routes/post-payment.route';
import { putStrategyRoute } from './routes/put-strategy.route';
import { listStrategiesRoute } from './routes/list-strategies.route';
import { getStrategyRoute } from './routes/get-strategy.route';
import { previewStrategyRoute } from './routes/preview-strategy.route';
import { postUnsubscribeRoute } from './routes/post-unsubscribe.route';
import { getUnsubscribeRoute } from './routes/get-unsubscribe.route';
import { postStripeWebhookRoute } from './routes/post-stripe-webhook.route';
import { postGenericWebhookRoute } from './routes/post-generic-webhook.route';
import { getDelinquencyRoute } from './routes/get-delinquency.route';
import { postPromiseRoute } from './routes/post-promise.route';
import { postPaymentPlanRoute } from './routes/post-payment-plan.route';
import { postDisputeRoute } from './routes/post-dispute.route';
import { resolveDisputeRoute } from './routes/resolve-dispute.route';
import { listDisputesRoute } from './routes/list-disputes.route';
import { listTasksRoute } from './routes/list-tasks.route';
import { postTaskDoneRoute } from './routes/post-task-done.route';
import { searchRoute } from './routes/search.route';
import { postContactRoute } from './routes/post-contact.route';
import { listContactsRoute } from './routes/list-contacts.route';
import { getContactWindowRoute } from './routes/get-contact-window.route';
import { postCaseContactRoute } from './routes/post-case-contact.route';
import { getPayPageRoute } from './routes/get-pay-page.route';
import { getPortalRoute } from './routes/get-portal.route';
import { getPortalPlanRoute } from './routes/get-portal-plan.route';
import { getPortalReceiptRoute } from './routes/get-portal-receipt.route';
import { getPortalStatementRoute } from './routes/get-portal-statement.route';
import { postPortalPayRoute } from './routes/post-portal-pay.route';
import { postPortalPromiseRoute } from './routes/post-portal-promise.route';
import { postPortalPlanRoute } from './routes/post-portal-plan.route';
import { postPortalDisputeRoute } from './routes/post-portal-dispute.route';
import { postPortalPreferencesRoute } from './routes/post-portal-preferences.route';
import { getCreditRoute } from './routes/get-credit.route';
import { putUnbilledRoute } from './routes/put-unbilled.route';
import { getScoreModelRoute } from './routes/get-score-model.route';
import { putScoreModelRoute } from './routes/put-score-model.route';
import { getScoringHistoryRoute } from './routes/get-scoring-history.route';
import { listDelinquenciesRoute } from './routes/list-delinquencies.route';
import { putAssigneeRoute } from './routes/put-assignee.route';
import { putCollectorRoute } from './routes/put-collector.route';
import { listCollectorsRoute } from './routes/list-collectors.route';
import { getAgingReportRoute } from './routes/get-aging-report.route';
import { getKpiReportRoute } from './routes/get-kpi-report.route';
import { getCustomerExportRoute } from './routes/get-customer-export.route';
import { deleteCustomerRoute } from './routes/delete-customer.route';
import { postApiKeyRoute } from './routes/post-api-key.route';
import { listApiKeysRoute } from './routes/list-api-keys.route';
import { deleteApiKeyRoute } from './routes/delete-api-key.route';
import { getTenantRoute } from './routes/get-tenant.route';
import { patchTenantRoute } from './routes/patch-tenant.route';
import { getTenantHistoryRoute } from './routes/get-tenant-history.route';
import { getOpenApiRoute } from './routes/get-openapi.route';
import { listPeopleRoute } from './routes/list-people.route';
import { postPersonRoute } from './routes/post-person.route';
import { putPersonRoleRoute } from './routes/put-person-role.route';
import { postPersonDeactivateRoute } from './routes/post-person-deactivate.route';
import { postPersonActivateRoute } from './routes/post-person-activate.route';
import { getPeopleHistoryRoute } from './routes/get-people-history.route';
import { postHoldRoute } from './routes/post-hold.route';
import { postReleaseRoute } from './routes/post-release.route';
import { postWriteOffRoute } from './routes/post-write-off.route';
import { postHandOffRoute } from './routes/post-hand-off.route';
import { listCustomerCasesRoute } from './routes/list-customer-cases.route';

export type { ApiResponseSpec, ApiRoute, DynamoAction } from './routes/api-route';

export const apiRoutes = [
  putCustomerRoute,
  getCustomerRoute,
  postOptOutRoute,
  postCasePaymentRoute,
  getStatementRoute,
  putInvoiceRoute,
  getInvoiceRoute,
  postPaymentRoute,
  putStrategyRoute,
  listStrategiesRoute,
  getStrategyRoute,
  previewStrategyRoute,
  postUnsubscribeRoute,
  getUnsubscribeRoute,
  postStripeWebhookRoute,
  postGenericWebhookRoute,
  getDelinquencyRoute,
  postPromiseRoute,
  postPaymentPlanRoute,
  postDisputeRoute,
  resolveDisputeRoute,
  listDisputesRoute,
  listTasksRoute,
  postTaskDoneRoute,
  searchRoute,
  postContactRoute,
  listContactsRoute,
  getContactWindowRoute,
  postCaseContactRoute,
  getPayPageRoute,
  getPortalRoute,
  getPortalPlanRoute,
  getPortalReceiptRoute,
  getPortalStatementRoute,
  postPortalPayRoute,
  postPortalPromiseRoute,
  postPortalPlanRoute,
  postPortalDisputeRoute,
  postPortalPreferencesRoute,
  getCreditRoute,
  putUnbilledRoute,
  getScoreModelRoute,
  putScoreModelRoute,
  getScoringHistoryRoute,
  listDelinquenciesRoute,
  putAssigneeRoute,
  putCollectorRoute,
  listCollectorsRoute,
  getAgingReportRoute,
  getKpiReportRoute,
  getCustomerExportRoute,
  deleteCustomerRoute,
  postApiKeyRoute,
  listApiKeysRoute,
  deleteApiKeyRoute,
  getTenantRoute,
  patchTenantRoute,
  listPeopleRoute,
  postPersonRoute,
  putPersonRoleRoute,
  postPersonDeactivateRoute,
  postPersonActivateRoute,
  getPeopleHistoryRoute,
  getTenantHistoryRoute,
  getOpenApiRoute,
  postHoldRoute,
  postReleaseRoute,
  postWriteOffRoute,
  postHandOffRoute,
  listCustomerCasesRoute,
] as const satisfies readonly ApiRoute[];
