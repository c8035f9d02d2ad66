// What a function may ask of AWS, declared beside its code: the stack grants exactly this and the local runtime refuses
// anything else, so a call the code makes without its declaration fails in every local run, not on the first deploy.
import type { IndexName } from '../shared/adapters/dynamodb/table-design';

export type DynamoAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'ConditionCheckItem'
  | 'BatchWriteItem';

/** The user pool's actions a function may call (Cognito's admin API, on the stack's one pool). */
export type PeopleAction =
  | 'ListUsersInGroup'
  | 'AdminGetUser'
  | 'AdminListGroupsForUser'
  | 'AdminCreateUser'
  | 'AdminAddUserToGroup'
  | 'AdminRemoveUserFromGroup'
  | 'AdminDisableUser'
  | 'AdminEnableUser'
  | 'AdminUserGlobalSignOut';

export interface FunctionAccess {
  /** Exactly what the function may do to the table and which of its indexes it may query. */
  dynamodb: { actions: readonly DynamoAction[]; indexes: readonly IndexName[] };
  /** Sends email through SES (from any of the account's identities, through the stack's configuration set). */
  sendsEmail?: boolean;
  /** Sends SMS through SNS straight to phone numbers. */
  sendsSms?: boolean;
  /** Publishes to the stack's event bus (integration events, a reminder run's hand-over). */
  publishesEvents?: boolean;
  /** Reads the tenants' provider secrets (webhook signing secrets, the Stripe key) from Secrets Manager. */
  readsWebhookSecrets?: boolean;
  /**
   * Pays by card on the provider's hosted page: reads the tenants' Stripe keys (GetSecretValue on
   * `<namespace>/tenants/{tenantId}/stripe` only) to create and read Checkout Sessions.
   */
  cardCheckout?: boolean;
  /** Reads the key the portal's links are signed with (GetSecretValue on `<namespace>/portal-signing-key`). */
  readsPortalSigningKey?: boolean;
  /** Starts delinquency executions. */
  startsExecutions?: boolean;
  /** Hands task tokens back to the delinquency state machine (wakes a parked execution). */
  wakesExecutions?: boolean;
  /**
   * Creates the one-time schedules that wake a delinquency's wait: scheduler:CreateSchedule in the stack's wake group,
   * and iam:PassRole on the role those schedules run as.
   */
  schedulesWakes?: boolean;
  /** Ends its own task's wait with a named error (SendTaskFailure on the delinquency state machine). */
  endsWaits?: boolean;
  /** Is fed the table's stream by an event source mapping (which reads the stream as the function's role). */
  readsTableStream?: boolean;
  /** Manages the tenant's people in the user pool: exactly these Cognito actions, on the stack's pool only. */
  managesPeople?: readonly PeopleAction[];
}
