// Storage of delinquencies, their timelines and the claims that make every send and charge happen at most once.
import type { ClaimStatus, Delinquency, StoredTimelineEntry, TimelineEntry } from '../schemas/delinquency.schema';
import type { Dispute } from '../schemas/dispute.schema';
import type { PaymentPromise } from '../schemas/promise.schema';
import type { PaymentPlan } from '../schemas/plan.schema';

export interface StepClaimKey {
  /** SEND for a message, FEE for a charge, STEP for the step as a whole (skips, calls, letters, hand-offs). */
  kind: 'SEND' | 'FEE' | 'STEP';
  stepId: string;
  channel?: string;
}

export interface StepClaim extends StepClaimKey {
  status: ClaimStatus;
  attemptId: string;
  at: string;
  detail?: string;
  providerMessageId?: string;
  /** A sent message's timeline entry and event are written: a retried pass that finds it 'sent' has nothing to add. */
  announced?: boolean;
  /** A case message's claim: the delinquencies its one message speaks for. */
  covers?: string[];
}

export type ClaimOutcome = { outcome: 'claimed' } | { outcome: 'exists'; claim: StepClaim };

export interface QueueFilter {
  status: Delinquency['status'];
  /** A collector's id, or null for the unassigned; undefined for everyone's. */
  assigneeId?: string | null;
  band?: 'high' | 'medium' | 'low';
  currency?: string;
  /** The last step acted on (a strategy step id). */
  stage?: string;
}

export interface QueuePage {
  items: Delinquency[];
  nextCursor: string | null;
}

export interface AssigneeChange {
  from: string | null;
  to: string | null;
  /** The month ("YYYY-MM") the new collector's assignment counts in. */
  month: string;
  /** Automatic assignment: only to an active collector below capacity (else nothing is written). */
  withinCapacity: boolean;
}

/** The delinquency record itself: read it, open it once, write it over its version with its timeline entries. */
export interface DelinquencyRecords {
  get(tenantId: string, delinquencyId: string): Promise<Delinquency | null>;
  /** Creates the delinquency and points its invoice at it, once: a second open of the same id reports 'exists'. */
  open(tenantId: string, delinquency: Delinquency, opened: TimelineEntry): Promise<'opened' | 'exists'>;
  /** Writes the delinquency over `expectedVersion` together with timeline entries; false if the version moved. */
  save(tenantId: string, delinquency: Delinquency, expectedVersion: number, entries: TimelineEntry[]): Promise<boolean>;
}

/** The index reads: the work queue, the closed history, a customer's delinquencies. */
export interface DelinquencyListings {
  /** The work queue: open delinquencies of one status, highest priority first, from an index, a page at a time. */
  listQueue(tenantId: string, filter: QueueFilter, limit: number, cursor?: string): Promise<QueuePage>;
  /**
   * One collector's whole queue (filtered), in priority order, to be sorted otherwise: at most `max` items, or
   * 'too-many' when the filtered queue holds more.
   */
  listAssigneeQueue(
    tenantId: string,
    filter: QueueFilter & { assigneeId: string },
    max: number,
  ): Promise<Delinquency[] | 'too-many'>;
  /** Delinquencies that closed in a month ("YYYY-MM"), oldest first: the history a scorecard is fitted on. */
  listClosed(tenantId: string, month: string, limit: number, cursor?: string): Promise<QueuePage>;
  /**
   * A customer's delinquencies (the case), from the customer index. Those in `known`, as the caller read them, stand in
   * for their own entries instead of being read again.
   */
  listByCustomer(tenantId: string, customerId: string, known?: readonly Delinquency[]): Promise<Delinquency[]>;
}

/** Who works a delinquency, with the collectors' load kept in step. */
export interface DelinquencyAssignment {
  /** Saves the delinquency with its new assignee and moves the load between collectors, in one transaction. */
  assign(
    tenantId: string,
    delinquency: Delinquency,
    expectedVersion: number,
    entries: TimelineEntry[],
    change: AssigneeChange,
  ): Promise<boolean>;
}

/** Disputes, written together with the delinquency they pause. */
export interface DelinquencyDisputes {
  /** Like save, and writes the dispute (a new one once: a second of the same id refuses the whole write). */
  saveWithDispute(
    tenantId: string,
    delinquency: Delinquency,
    expectedVersion: number,
    entries: TimelineEntry[],
    dispute: Dispute,
    isNew?: boolean,
  ): Promise<boolean>;
  /** The delinquency a dispute belongs to, or null for an unknown id. */
  disputeOwner(tenantId: string, disputeId: string): Promise<string | null>;
  /** A tenant's disputes, newest first, a page at a time. */
  listDisputes(
    tenantId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: Dispute[]; nextCursor: string | null }>;
  disputes(tenantId: string, delinquencyId: string): Promise<Dispute[]>;
}

/** Promises to pay, written together with the delinquency they pause. */
export interface DelinquencyPromises {
  /** Like save, and writes the promise (a new one must not exist yet). */
  saveWithPromise(
    tenantId: string,
    delinquency: Delinquency,
    expectedVersion: number,
    entries: TimelineEntry[],
    promise: PaymentPromise,
    isNew: boolean,
  ): Promise<boolean>;
  promises(tenantId: string, delinquencyId: string): Promise<PaymentPromise[]>;
}

/** Payment plans, written together with the delinquency they pause. */
export interface DelinquencyPlans {
  /** Like save, and writes the payment plan (a new one must not exist yet). */
  saveWithPlan(
    tenantId: string,
    delinquency: Delinquency,
    expectedVersion: number,
    entries: TimelineEntry[],
    plan: PaymentPlan,
    isNew: boolean,
  ): Promise<boolean>;
  plans(tenantId: string, delinquencyId: string): Promise<PaymentPlan[]>;
}

/** The timeline on its own: entries written apart from a save, and the whole history read back. */
export interface DelinquencyTimeline {
  appendTimeline(tenantId: string, delinquencyId: string, entries: TimelineEntry[]): Promise<void>;
  /** Read leniently: entries older versions wrote may hold kinds the catalog no longer names. */
  timeline(tenantId: string, delinquencyId: string): Promise<StoredTimelineEntry[]>;
}

/** The claims that make every send and charge of a step happen at most once. */
export interface StepClaims {
  /** Claims a step action with a conditional write, before any provider is called. */
  claim(tenantId: string, delinquencyId: string, claim: StepClaim): Promise<ClaimOutcome>;
  settleClaim(
    tenantId: string,
    delinquencyId: string,
    key: StepClaimKey,
    attemptId: string,
    update: Partial<StepClaim>,
  ): Promise<void>;
  /** Frees a claim whose action provably did not happen (the provider refused), so a retry may act. */
  releaseClaim(tenantId: string, delinquencyId: string, key: StepClaimKey, attemptId: string): Promise<void>;
  claims(tenantId: string, delinquencyId: string): Promise<StepClaim[]>;
}

/** Printable letters kept with the delinquency. */
export interface DelinquencyLetters {
  /** Keeps a printable letter with the case (one per step). */
  storeLetter(
    tenantId: string,
    delinquencyId: string,
    letter: { id: string; stepId: string; html: string; createdAt: string },
  ): Promise<void>;
}

/** What wakes a waiting execution when a fact changes. */
export interface DelinquencyWakeups {
  /** Records that a fact changed and returns the task token to wake, if an execution is waiting. */
  bumpFacts(tenantId: string, delinquencyId: string): Promise<string | null>;
}

/** All of it, as one store implements it; a use case names only the narrow ports above that it uses. */
export type DelinquencyRepository = DelinquencyRecords &
  DelinquencyListings &
  DelinquencyAssignment &
  DelinquencyDisputes &
  DelinquencyPromises &
  DelinquencyPlans &
  DelinquencyTimeline &
  StepClaims &
  DelinquencyLetters &
  DelinquencyWakeups;
