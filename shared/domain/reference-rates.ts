// The shipped, dated central-bank rates statutory interest is built on. A strategy's `referenceRates` replaces them.
// Each entry is a rate in percent in force from its date until the next entry. Check against the banks before relying
// on a row: Bank of England Bank Rate history and the ECB main refinancing operations rate.

export interface DatedRate {
  /** First day (YYYY-MM-DD) the rate is in force. */
  from: string;
  percent: number;
}

/** Bank of England Bank Rate, as of November 2026. */
export const BANK_OF_ENGLAND_BASE_RATE: readonly DatedRate[] = [
  { from: '2009-03-05', percent: 0.5 },
  { from: '2016-08-04', percent: 0.25 },
  { from: '2017-11-02', percent: 0.5 },
  { from: '2018-08-02', percent: 0.75 },
  { from: '2020-03-11', percent: 0.25 },
  { from: '2020-03-19', percent: 0.1 },
  { from: '2021-12-16', percent: 0.25 },
  { from: '2022-02-03', percent: 0.5 },
  { from: '2022-03-17', percent: 0.75 },
  { from: '2022-05-05', percent: 1.0 },
  { from: '2022-06-16', percent: 1.25 },
  { from: '2022-08-04', percent: 1.75 },
  { from: '2022-09-22', percent: 2.25 },
  { from: '2022-11-03', percent: 3.0 },
  { from: '2022-12-15', percent: 3.5 },
  { from: '2023-02-02', percent: 4.0 },
  { from: '2023-03-23', percent: 4.25 },
  { from: '2023-05-11', percent: 4.5 },
  { from: '2023-06-22', percent: 5.0 },
  { from: '2023-08-03', percent: 5.25 },
  { from: '2024-08-01', percent: 5.0 },
  { from: '2024-11-07', percent: 4.75 },
  { from: '2025-02-06', percent: 4.5 },
  { from: '2025-05-08', percent: 4.25 },
  { from: '2025-08-07', percent: 4.0 },
  { from: '2025-12-18', percent: 3.75 },
];

/** ECB main refinancing operations rate, as of November 2026. */
export const ECB_MAIN_REFINANCING_RATE: readonly DatedRate[] = [
  { from: '2016-03-16', percent: 0.0 },
  { from: '2022-07-27', percent: 0.5 },
  { from: '2022-09-14', percent: 1.25 },
  { from: '2022-11-02', percent: 2.0 },
  { from: '2022-12-21', percent: 2.5 },
  { from: '2023-02-08', percent: 3.0 },
  { from: '2023-03-22', percent: 3.5 },
  { from: '2023-05-10', percent: 3.75 },
  { from: '2023-06-21', percent: 4.0 },
  { from: '2023-08-02', percent: 4.25 },
  { from: '2023-09-20', percent: 4.5 },
  { from: '2024-06-12', percent: 4.25 },
  { from: '2024-09-18', percent: 3.65 },
  { from: '2024-10-23', percent: 3.4 },
  { from: '2024-12-18', percent: 3.15 },
  { from: '2025-02-05', percent: 2.9 },
  { from: '2025-03-12', percent: 2.65 },
  { from: '2025-04-23', percent: 2.4 },
  { from: '2025-06-11', percent: 2.15 },
];

/** The rate in force on a date, or null if the table starts later. */
export const rateOn = (table: readonly DatedRate[], date: string): number | null => {
  let found: number | null = null;
  for (const row of [...table].sort((a, b) => a.from.localeCompare(b.from))) {
    if (row.from <= date) found = row.percent;
  }
  return found;
};
