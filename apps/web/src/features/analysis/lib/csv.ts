/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; quotes doubled. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return rows
    .map((row) =>
      row
        .map((v) => {
          const s = v === null ? '' : String(v);
          // A leading = + - @ would run as a formula in a spreadsheet; a quote mark defuses it.
          const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
          return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
        })
        .join(','),
    )
    .join('\r\n');
}
