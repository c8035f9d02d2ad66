// Calendar dates as the reader writes them: "7 December 2026", "7. desember 2026", "7 de diciembre de 2026".

/** A YYYY-MM-DD date in the reader's locale; read at UTC so the day never shifts with the server's zone. */
export const longDate = (isoDate: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
