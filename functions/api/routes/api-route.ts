// What one line of the partner API's route table says (types and shared action sets), free of any route's schemas.
import type * as z from 'zod';
import type { IndexName } from '../../../shared/adapters/dynamodb/table-design';

export type DynamoAction = 'GetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem';

export interface ApiResponseSpec {
  status: number;
  description: string;
  schema?: z.ZodType;
}

export interface ApiRoute {
  /** Stable name: the function's construct id and the OpenAPI operationId. */
  id: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  /** File in functions/api that handles it. */
  handler: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: ApiResponseSpec[];
  idempotent?: boolean;
  public?: boolean;
  /** Exactly what the function may do to the table: its IAM policy is generated from this and nothing else. */
  dynamodb: { actions: DynamoAction[]; indexes: IndexName[] };
  /** The route wakes delinquency executions (a payment): it may send task tokens back to Step Functions. */
  wakesExecutions?: boolean;
  /** The route sends email itself (the unsubscribe confirmation): it gets SES rights and the sender settings. */
  sendsEmail?: boolean;
  /** The route may start a delinquency's execution (a refund reopening a resolved one). */
  startsExecutions?: boolean;
  /** A provider webhook: it reads the tenants' signing secrets from Secrets Manager. */
  readsWebhookSecrets?: boolean;
  /** The route may publish integration events (a credit hold starting or ending) to the bus. */
  publishesEvents?: boolean;
}

/** Resolving a key needs one Query; an Idempotency-Key claim writes and may release a record. */
export const AUTHENTICATED_READ: DynamoAction[] = ['Query'];
export const IDEMPOTENT_WRITE: DynamoAction[] = ['Query', 'PutItem', 'DeleteItem'];
