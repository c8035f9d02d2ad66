// Hands a CSV file built in the browser to the person as a download (no server round trip, nothing stored).

/**
 * A byte order mark leads, so spreadsheet programs read the file as UTF-8
 * (names with ø and å stay whole).
 */
export const downloadCsv = (filename: string, text: string): void => {
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy of the blob once it started.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};
