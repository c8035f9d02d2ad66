// A table as CSV text: a header row, RFC 4180 quoting, and no cell a spreadsheet would run as a formula (text starting with = + - @, a tab or a carriage return gets a leading apostrophe).

export type CsvCell = string | number | null;

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text. A plain number ("-12.50") is left as it is: it cannot carry a formula, and stays a number. */
export const csvCell = (value: CsvCell): string => {
  if (value === null) return '';
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvText = (header: readonly string[], rows: readonly (readonly CsvCell[])[]): string =>
  [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
