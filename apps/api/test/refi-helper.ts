import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { App } from '../src/app';
import { upload, type Client } from './helper';

/** The shared folder beside the repository (real files and the REFI-QDA schemas; never copied in). */
export const SHARED = new URL('../../../../shared/', import.meta.url);
export const REAL_DIR = new URL('realworld/refi-qda/', SHARED);
export const realFile = (name: string) => readFileSync(new URL(name, REAL_DIR));

/**
 * The shared folder sits beside the repository on the team's machines and in CI; a checkout
 * without it (a clone elsewhere) skips the tests that read it, saying so, rather than failing.
 */
export const HAS_SHARED = existsSync(REAL_DIR);
if (!HAS_SHARED) {
  console.warn(`${REAL_DIR.pathname} not found: the real-file and XSD tests are skipped`);
}

/** xmllint (Debian libxml2-utils) validates against the XSDs; tests that need it skip without it. */
export const HAS_XMLLINT = HAS_SHARED && spawnSync('xmllint', ['--version']).status === 0;
if (HAS_SHARED && !HAS_XMLLINT) {
  console.warn(
    'xmllint not found: the XSD validation tests are skipped (Debian: apt-get install libxml2-utils)',
  );
}

/** Validates `xml` with xmllint against shared/refi-qda/<schema>.xsd; returns its complaint or ''. */
export function xsdProblems(xml: string | Uint8Array, schema: 'Project' | 'Codebook'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kodbok-xsd-'));
  try {
    const file = path.join(dir, schema === 'Project' ? 'project.qde' : 'codebook.qdc');
    writeFileSync(file, xml);
    const xsd = new URL(`refi-qda/${schema}.xsd`, SHARED).pathname;
    const run = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
    return run.status === 0 ? '' : run.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A .qdpx's entries as text (the .qde and sources/). */
export function unpack(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, b]) => [name, strFromU8(b)]));
}

/** The project XML of a real file: a bare .qde, or the one .qde inside a .qdpx. */
export function realQde(name: string): string {
  const bytes = realFile(name);
  if (name.endsWith('.qde') || name.endsWith('.qdc')) return bytes.toString('utf8');
  const files = unzipSync(new Uint8Array(bytes));
  const qde = Object.keys(files).find((n) => n.toLowerCase().endsWith('.qde'))!;
  return strFromU8(files[qde]!);
}

/** Counts elements by regular expression over the XML text: independent of the importer's parser. */
export const countElements = (xml: string, name: string) =>
  (xml.match(new RegExp(`<${name}[\\s/>]`, 'g')) ?? []).length;

/** POSTs one file to a REFI-QDA import endpoint. */
export function postFile(
  app: App,
  client: Client,
  url: string,
  name: string,
  content: string | Buffer | Uint8Array,
) {
  const buffer = typeof content === 'string' ? content : Buffer.from(content);
  return upload(app, client, url, [{ name, content: buffer }]);
}

/** GET a download as bytes. */
export async function download(app: App, client: Client, url: string) {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: client.cookie } });
  return { res, bytes: new Uint8Array(res.rawPayload) };
}
