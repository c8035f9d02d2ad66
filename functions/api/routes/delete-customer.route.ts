// DELETE /v1/customers/{customerId} (DeleteCustomer): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CustomerPathSchema } from '../../../shared/schemas/customer.schema';
import { ErasureSchema } from '../../../shared/schemas/personal-data.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const deleteCustomerRoute = {
  id: 'DeleteCustomer',
  method: 'DELETE',
  path: '/v1/customers/{customerId}',
  handler: 'delete-customer.handler.ts',
  summary:
    "A manager erases a customer's personal data (GDPR); invoices and payments are kept, anonymised, for the retention period, and the decision is recorded",
  params: CustomerPathSchema,
  responses: [
    { status: 200, description: 'Erased (also when it already was: the recorded decision)', schema: ErasureSchema },
    { status: 403, description: "Erasure needs a manager's key" },
  ],
  idempotent: true,
  roles: ['manager'],
  // Reads everything about the customer (gsi1), rewrites or deletes the items that hold personal data; hashes opt-out
  // addresses with the tenant's erasure key, read from its provider secret.
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem'], indexes: ['gsi1'] },
  readsWebhookSecrets: true,
} as const satisfies ApiRoute;
