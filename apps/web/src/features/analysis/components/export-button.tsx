import { toCsv } from '@kodbok/core';

interface Props {
  filename: string;
  /** Built only when clicked: the table as rows, header first. */
  rows: () => ReadonlyArray<ReadonlyArray<string | number | null>>;
}

/** Downloads the table on screen as CSV (UTF-8 with BOM, so spreadsheets read å, ø and “quotes”). */
export function ExportButton({ filename, rows }: Props) {
  function download() {
    const blob = new Blob(['\uFEFF', toCsv(rows())], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <button type="button" className="button button-small export-button" onClick={download}>
      Export CSV
    </button>
  );
}
