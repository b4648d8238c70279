import { readFileSync } from 'node:fs';

/** A fixture file's text, read as the server reads an upload (UTF-8, BOM and CRLF kept). */
export const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
