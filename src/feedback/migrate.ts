/**
 * Schema migrations for an SQLite database: a `schema_migrations` table records which numbered
 * migrations ran, and each pending one runs in its own transaction, in order. A database written by a
 * newer Story Desk (a version this code does not know) is refused rather than written to blindly.
 */
import type { Database } from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3…: never renumber or edit a migration that has shipped; add a new one. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** Applies the migrations `db` has not seen; returns the versions applied now. */
export function migrate(db: Database, migrations: readonly Migration[]): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version),
  );
  const known = new Set(migrations.map((migration) => migration.version));
  const unknown = [...applied].filter((version) => !known.has(version));
  if (unknown.length > 0) {
    throw new MigrationError(
      `migrations: the database has schema version ${Math.max(...unknown)}, which this Story Desk does not know (written by a newer version?)`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const ran: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
    ran.push(migration.version);
  }
  return ran;
}
