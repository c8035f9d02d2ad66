// Storage of the contacts logged on each debt, with the version that lets only one writer pass a call-limit check at a time.
import type { Contact } from '../schemas/contact.schema';
import type { TimelineEntry } from '../schemas/delinquency.schema';

/** What a call-limit check reads: the log's version first, then the contacts it guards. */
export interface ContactLogRead {
  /** 0 when nothing was logged on the debt yet. */
  version: number;
  contacts: Contact[];
}

/** One debt a contact counts against: the version its check read, and its timeline entry. */
export interface ContactWrite {
  delinquencyId: string;
  expectedVersion: number;
  entry: TimelineEntry;
}

export interface ContactRepository {
  /** The debt's contacts from `from` to `to` (ISO instants, inclusive), with the version read before them. */
  around(tenantId: string, delinquencyId: string, from: string, to: string): Promise<ContactLogRead>;
  /**
   * Stores the contact on every debt it counts against, with their timeline entries, all or nothing: false (and nothing
   * written) when any debt's log moved past the version its check read.
   */
  record(tenantId: string, contact: Contact, writes: readonly ContactWrite[]): Promise<boolean>;
  /** A debt's contacts, newest first, a page at a time. */
  list(
    tenantId: string,
    delinquencyId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: Contact[]; nextCursor: string | null }>;
}
