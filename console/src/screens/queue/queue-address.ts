// The queue's whole state lives in the address (view, filters, sort, page), so a reload, a shared link and the back
// button all show the same page; this turns the address into the API's query and back.
import type { Role } from '../../auth';
import type { Query } from '../../api';

export type QueueView = 'mine' | 'team';

export const STATUSES = ['active', 'paused', 'promised', 'in_plan', 'disputed'] as const;
export const BANDS = ['high', 'medium', 'low'] as const;
export const SORTS = ['priority', 'daysPastDue', 'balance'] as const;

export interface QueueFilters {
  status: string;
  band: string;
  currency: string;
  /** Team view only: a collector's id, "unassigned", or '' for everyone. */
  assignee: string;
  stage: string;
  sort: string;
  /** Rows per page (1-100). */
  rows: number;
}

export interface QueueAddress extends QueueFilters {
  view: QueueView;
  /** The page shown ('' for the first) and the cursors of the pages before it, for "Previous". */
  cursor: string;
  trail: string[];
}

/** Pages before this one, oldest first; the first page's cursor is written as "-" (cursors never hold "~" or "-" alone). */
const TRAIL_SEPARATOR = '~';

export const DEFAULT_ROWS = 25;
export const ROW_CHOICES = [10, 25, 50, 100] as const;

const rowsOf = (text: string | null): number => {
  const rows = Number(text);
  return Number.isInteger(rows) && rows >= 1 && rows <= 100 ? rows : DEFAULT_ROWS;
};

export const defaultView = (role: Role): QueueView => (role === 'manager' ? 'team' : 'mine');

export const readAddress = (query: URLSearchParams, role: Role): QueueAddress => {
  const view = query.get('view');
  const trail = query.get('prev');
  return {
    view: view === 'mine' || view === 'team' ? view : defaultView(role),
    status: query.get('status') ?? 'active',
    band: query.get('band') ?? '',
    currency: query.get('currency') ?? '',
    assignee: query.get('assignee') ?? '',
    stage: query.get('stage') ?? '',
    sort: query.get('sort') ?? 'priority',
    rows: rowsOf(query.get('rows')),
    cursor: query.get('cursor') ?? '',
    trail: trail ? trail.split(TRAIL_SEPARATOR).map((cursor) => (cursor === '-' ? '' : cursor)) : [],
  };
};

/** The address's query for a state: defaults left out, so the plain queue's address stays `#/queue`. */
export const addressQuery = (state: QueueAddress, role: Role): Record<string, string | undefined> => ({
  view: state.view === defaultView(role) ? undefined : state.view,
  status: state.status === 'active' ? undefined : state.status,
  band: state.band || undefined,
  currency: state.currency || undefined,
  assignee: state.view === 'team' ? state.assignee || undefined : undefined,
  stage: state.stage || undefined,
  sort: state.sort === 'priority' ? undefined : state.sort,
  rows: state.rows === DEFAULT_ROWS ? undefined : String(state.rows),
  cursor: state.cursor || undefined,
  prev: state.trail.length > 0 ? state.trail.map((cursor) => cursor || '-').join(TRAIL_SEPARATOR) : undefined,
});

/** The API's query for the page the address names. */
export const apiQuery = (state: QueueAddress): Query => ({
  status: state.status,
  band: state.band || undefined,
  currency: state.currency || undefined,
  assignee: state.view === 'mine' ? 'me' : state.assignee || undefined,
  stage: state.stage || undefined,
  sort: state.sort === 'priority' ? undefined : state.sort,
  cursor: state.cursor || undefined,
  limit: state.rows,
});

/** Sorting other than by priority needs one collector's queue (the API reads it whole). */
export const sortsFreely = (state: Pick<QueueAddress, 'view' | 'assignee'>): boolean =>
  state.view === 'mine' || (state.assignee !== '' && state.assignee !== 'unassigned');
