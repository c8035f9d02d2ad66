// The shapes of the API's answers, taken from the very zod schemas the API validates and documents with (types only:
// no schema code reaches the console's bundle). Add a line here for each answer a screen reads.
import type * as z from 'zod';
import type { QueuePageSchema, QueueItemSchema } from '../../shared/schemas/queue.schema';
import type { CustomerResponseSchema } from '../../shared/schemas/customer.schema';
import type { TaskPageSchema, CollectorTaskSchema } from '../../shared/schemas/task.schema';
import type { AgingReportSchema, KpiReportSchema, KpiFiguresSchema } from '../../shared/schemas/report.schema';
import type { CollectorListSchema } from '../../shared/schemas/collector.schema';
import type {
  PutStrategyBodySchema,
  StepSchema,
  StrategyListSchema,
  StrategySchema,
} from '../../shared/schemas/strategy.schema';
import type { PreviewStepSchema, StrategyPreviewSchema } from '../../shared/schemas/strategy-preview.schema';
import type { TenantSettingsViewSchema } from '../../shared/schemas/tenant.schema';
import type { SearchResultSchema, SearchHitSchema } from '../../shared/schemas/search.schema';
import type { PeopleHistoryPageSchema, PeopleListSchema, PersonSchema } from '../../shared/schemas/person.schema';
import type { ApiKeyListSchema, ApiKeyRecordSchema, IssuedApiKeySchema } from '../../shared/schemas/api-key.schema';
import type { DelinquencyViewSchema } from '../../shared/schemas/delinquency-view.schema';
import type { InvoiceResponseSchema } from '../../shared/schemas/invoice.schema';
import type { ContactWindowSchema } from '../../shared/schemas/contact.schema';
import type { CustomerCasesSchema } from '../../shared/schemas/customer-cases.schema';

export type QueuePage = z.infer<typeof QueuePageSchema>;
export type QueueItem = z.infer<typeof QueueItemSchema>;
export type Customer = z.infer<typeof CustomerResponseSchema>;
export type TaskPage = z.infer<typeof TaskPageSchema>;
export type CollectorTask = z.infer<typeof CollectorTaskSchema>;
// The dashboard's reports and the collectors whose names it shows.
export type AgingReport = z.infer<typeof AgingReportSchema>;
export type KpiReport = z.infer<typeof KpiReportSchema>;
export type KpiFigures = z.infer<typeof KpiFiguresSchema>;
export type CollectorList = z.infer<typeof CollectorListSchema>;

// The strategies' editor and preview.
export type Strategy = z.infer<typeof StrategySchema>;
export type StrategyList = z.infer<typeof StrategyListSchema>;
export type StrategyStep = z.infer<typeof StepSchema>;
export type StrategyBody = z.input<typeof PutStrategyBodySchema>;
export type StrategyPreview = z.infer<typeof StrategyPreviewSchema>;
export type PreviewStep = z.infer<typeof PreviewStepSchema>;
export type TenantSettingsView = z.infer<typeof TenantSettingsViewSchema>;

// Search.
export type SearchResult = z.infer<typeof SearchResultSchema>;
export type SearchHit = z.infer<typeof SearchHitSchema>;

// Settings, people and API keys.
export type Person = z.infer<typeof PersonSchema>;
export type PeopleList = z.infer<typeof PeopleListSchema>;
export type PeopleHistoryPage = z.infer<typeof PeopleHistoryPageSchema>;
export type ApiKeyRecord = z.infer<typeof ApiKeyRecordSchema>;
export type ApiKeyList = z.infer<typeof ApiKeyListSchema>;
export type IssuedApiKey = z.infer<typeof IssuedApiKeySchema>;

// The Customer and Case screens.

export type CaseView = z.infer<typeof DelinquencyViewSchema>;
export type InvoiceView = z.infer<typeof InvoiceResponseSchema>;
export type ContactWindow = z.infer<typeof ContactWindowSchema>;
export type CustomerCases = z.infer<typeof CustomerCasesSchema>;
