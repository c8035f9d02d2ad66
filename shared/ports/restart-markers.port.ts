// Where ended executions of open delinquencies wait for the hourly run to restart them.
import type { RestartMarker } from '../schemas/restart-marker.schema';

export interface RestartMarkers {
  /** Records the marker (one per delinquency: a later end replaces an earlier one). */
  mark(tenantId: string, marker: RestartMarker): Promise<void>;
  /** A tenant's markers, at most `limit`. */
  list(tenantId: string, limit: number): Promise<RestartMarker[]>;
  /** Removes the marker if it still names `execution` (a newer end marked meanwhile stays). */
  clear(tenantId: string, delinquencyId: string, execution: string): Promise<void>;
}
