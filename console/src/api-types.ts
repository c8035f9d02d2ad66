// The shapes of the API's answers, taken from the very zod schemas the API validates and documents with (types only:
// no schema code reaches the console's bundle). Add a line here for each answer a screen reads.
import type * as z from 'zod';
import type { QueuePageSchema, QueueItemSchema } from '../../shared/schemas/queue.schema';
import type { CustomerResponseSchema } from '../../shared/schemas/customer.schema';
import type { TaskPageSchema, CollectorTaskSchema } from '../../shared/schemas/task.schema';

export type QueuePage = z.infer<typeof QueuePageSchema>;
export type QueueItem = z.infer<typeof QueueItemSchema>;
export type Customer = z.infer<typeof CustomerResponseSchema>;
export type TaskPage = z.infer<typeof TaskPageSchema>;
export type CollectorTask = z.infer<typeof CollectorTaskSchema>;
import type { TenantSettingsViewSchema } from '../../shared/schemas/tenant.schema';
import type { PeopleHistoryPageSchema, PeopleListSchema, PersonSchema } from '../../shared/schemas/person.schema';
import type { ApiKeyListSchema, ApiKeyRecordSchema, IssuedApiKeySchema } from '../../shared/schemas/api-key.schema';

export type TenantSettingsView = z.infer<typeof TenantSettingsViewSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type PeopleList = z.infer<typeof PeopleListSchema>;
export type PeopleHistoryPage = z.infer<typeof PeopleHistoryPageSchema>;
export type ApiKeyRecord = z.infer<typeof ApiKeyRecordSchema>;
export type ApiKeyList = z.infer<typeof ApiKeyListSchema>;
export type IssuedApiKey = z.infer<typeof IssuedApiKeySchema>;
