import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '@kodbok/db';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * The file a server creates, and one an older version created: new files take the smaller page
 * (decision 022, stop 20); an existing file keeps the page size it was made with and works on.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'kodbok-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pragma = (file: string, name: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma(name, { simple: true });
  } finally {
    db.close();
  }
};

describe('the database file', () => {
  it('is created in WAL mode with 2 kB pages', () => {
    const file = path.join(dir, 'new.sqlite');
    openDatabase(file).$client.close();
    expect(pragma(file, 'page_size')).toBe(2048);
    expect(pragma(file, 'journal_mode')).toBe('wal');
  });

  it('keeps the page size of a file made before, and migrates and writes it as before', () => {
    const file = path.join(dir, 'old.sqlite');
    // As SQLite made files before stop 20: its default page, WAL, one table already there.
    const old = new Database(file);
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE before_upgrade (x)');
    old.close();
    const db = openDatabase(file);
    try {
      db.$client.exec(
        "INSERT INTO users (id, email, name, created_at) VALUES ('u', 'a@b.c', 'A', 'now')",
      );
      expect(db.$client.prepare("SELECT name FROM users WHERE id = 'u'").pluck().get()).toBe('A');
    } finally {
      db.$client.close();
    }
    expect(pragma(file, 'page_size')).toBe(4096);
    expect(pragma(file, 'integrity_check')).toBe('ok');
  });
});
