// One reminder run at a time: a run that outlives its hour (a very large portfolio) continues in later turns while the
// next hourly firing stands aside, so two runs never share the StartExecution quota.

export interface RunLease {
  /** Takes the lease for `holder` until `until`, or renews it; false while another holder's lease runs. */
  acquire(holder: string, now: Date, until: Date): Promise<boolean>;
  /** Gives the lease back (only `holder`'s own). */
  release(holder: string): Promise<void>;
}
