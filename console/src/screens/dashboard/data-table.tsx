// One table of the dashboard and its CSV download: each cell written for a person (amounts in their own currency) and
// carrying the exact figure the API answered (`data-value`), and the same figures in the file, amounts in major units.
import { minorToDecimal } from '../../format';
import { Money } from '../../components/money';
import { csvText, type CsvCell } from './csv';
import { downloadCsv } from './download';
import { count, days, NOTHING, percent } from './figures';

export type ColumnKind = 'text' | 'money' | 'percent' | 'days' | 'count';

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
}

export interface Row {
  key: string;
  /** The currency of the row's amounts; every table with amounts also has a `currency` column. */
  currency?: string;
  values: Record<string, string | number | null>;
  /** What a text cell shows, when it is not the value itself (a collector's name for their id). */
  labels?: Record<string, string>;
}

const shown = (column: Column, row: Row) => {
  const value = row.values[column.key] ?? null;
  if (value === null) return NOTHING;
  if (typeof value === 'string') return row.labels?.[column.key] ?? value;
  switch (column.kind) {
    case 'money':
      return <Money amount={value} currency={row.currency ?? 'XXX'} />;
    case 'percent':
      return percent(value);
    case 'days':
      return days(value);
    default:
      return count(value);
  }
};

const csvValue = (column: Column, row: Row): CsvCell => {
  const value = row.values[column.key] ?? null;
  if (column.kind === 'money' && typeof value === 'number' && row.currency) return minorToDecimal(value, row.currency);
  return value;
};

export const DataTable = (props: { id: string; caption: string; filename: string; columns: Column[]; rows: Row[] }) => {
  const { columns, rows } = props;
  const download = () =>
    downloadCsv(
      props.filename,
      csvText(
        columns.map((column) => column.label),
        rows.map((row) => columns.map((column) => csvValue(column, row))),
      ),
    );
  return (
    <div class="dashboard-table">
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={`${props.id}-caption`}>
        <table class="grid" id={props.id}>
          <caption id={`${props.id}-caption`}>{props.caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col" class={column.kind === 'text' ? undefined : 'num'}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} class="muted">
                  Nothing in this period.
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.key}>
                  {columns.map((column, index) => {
                    const Cell = index === 0 ? 'th' : 'td';
                    const value = row.values[column.key] ?? null;
                    return (
                      <Cell
                        key={column.key}
                        scope={index === 0 ? 'row' : undefined}
                        class={column.kind === 'text' ? undefined : 'num'}
                        data-column={column.key}
                        data-value={value === null ? '' : String(value)}
                      >
                        {shown(column, row)}
                      </Cell>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <button type="button" class="secondary" onClick={download} disabled={rows.length === 0}>
        Download CSV<span class="visually-hidden">: {props.caption}</span>
      </button>
    </div>
  );
};
