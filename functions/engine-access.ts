// What each engine function (the state machine's tasks, the hourly run, SES feedback, the stream consumer) may ask of AWS: the stack's
// grants for them are made from this table, as the API's are made from the route table. Keys are construct ids.
import type { FunctionAccess } from './function-access';

export const engineAccess = {
  // One wake of a delinquency: reads the case, the customer's other debts and scoring history (gsi1), claims and records
  // sends and charges, sends email and SMS with signed portal links, publishes events, charges instalments with the
  // tenant's Stripe key (the Checkout one, `cardCheckout`); saves the case with its task token, then schedules the next
  // wake or ends its own wait (the case closed, a hand-over).
  WakeTask: {
    dynamodb: { actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], indexes: ['gsi1'] },
    sendsEmail: true,
    sendsSms: true,
    publishesEvents: true,
    cardCheckout: true,
    readsPortalSigningKey: true,
    schedulesWakes: true,
    endsWaits: true,
  },
  // Finds what fell due (gsi2), opens delinquencies and starts their executions, sends pre-due reminders (signed portal
  // links), replays parked
  // events (gsi1), folds report snapshots with BatchWriteItem, continues itself on the bus.
  ReminderRun: {
    dynamodb: {
      actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'],
      indexes: ['gsi1', 'gsi2'],
    },
    sendsEmail: true,
    sendsSms: true,
    publishesEvents: true,
    startsExecutions: true,
    readsPortalSigningKey: true,
  },
  // Marks an open case whose execution failed, timed out or was aborted: reads the case and its current execution,
  // writes the restart marker the hourly run picks up.
  ExecutionEnded: { dynamodb: { actions: ['GetItem', 'PutItem'], indexes: [] } },
  // Suppresses an address SES reports as bounced or complained about, unless its customer was erased (reads the customer).
  SesFeedback: { dynamodb: { actions: ['GetItem', 'PutItem'], indexes: [] } },
  // Counts invoice writes from the table's stream into the report counters: reads the tenant's zone, puts a mark per
  // counted write and adds to the counter cells in one transaction.
  ReportLedger: { dynamodb: { actions: ['GetItem', 'PutItem', 'UpdateItem'], indexes: [] }, readsTableStream: true },
} as const satisfies Record<string, FunctionAccess>;

export type EngineFunctionId = keyof typeof engineAccess;
