// The schema, as numbered migrations run in order on start. One set of SQL for PGlite and PostgreSQL.
import type { Database } from './database';

const MIGRATIONS: Array<{ id: number; name: string; sql: string }> = [
  {
    id: 1,
    name: 'initial',
    sql: `
      CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);

      -- Every synced row, as its whole current state. change_id is the row's place in the change log:
      -- it is renumbered on every write, so "rows changed after cursor" is one index range scan.
      CREATE SEQUENCE change_seq;
      CREATE TABLE entities (
        entity     text    NOT NULL,
        id         uuid    NOT NULL,
        data       json,            -- json, not jsonb: a pull sends the stored text as it is
        desk       text,            -- null: visible to every agent (reference rows)
        ticket_id  uuid,            -- comments, worklogs, attachments: their ticket
        change_id  bigint  NOT NULL,
        deleted    boolean NOT NULL DEFAULT false,
        -- Ticket fields the server queries, copied out of data on write so no query parses JSON.
        open        boolean,
        assignee_id uuid,
        priority    text,
        due_at      text,
        fingerprint text,
        PRIMARY KEY (entity, id)
      );
      CREATE UNIQUE INDEX entities_change ON entities (change_id);
      CREATE INDEX entities_ticket ON entities (ticket_id) WHERE ticket_id IS NOT NULL;
      CREATE INDEX tickets_assignee ON entities (assignee_id) WHERE open;
      -- The first screen: the most urgent open tickets of a desk.
      CREATE INDEX tickets_urgent ON entities (desk, priority, due_at) WHERE open;
      CREATE INDEX tickets_fingerprint ON entities (fingerprint) WHERE open;

      CREATE SEQUENCE service_key_seq START 1001;
      CREATE SEQUENCE help_key_seq START 2001;

      CREATE TABLE credentials (
        agent_id      uuid PRIMARY KEY,
        email         text NOT NULL UNIQUE,
        password_hash text NOT NULL
      );
      CREATE TABLE refresh_tokens (
        token_hash  text PRIMARY KEY,
        agent_id    uuid NOT NULL,
        family      uuid NOT NULL,
        expires_at  timestamptz NOT NULL,
        used        boolean NOT NULL DEFAULT false,
        revoked     boolean NOT NULL DEFAULT false
      );
      CREATE INDEX refresh_tokens_family ON refresh_tokens (family);

      -- Exactly-once push: the last applied seq per device and the stored result of each mutation.
      CREATE TABLE clients (client_id uuid PRIMARY KEY, agent_id uuid NOT NULL, last_seq integer NOT NULL DEFAULT 0);
      CREATE TABLE mutation_results (
        client_id uuid NOT NULL,
        seq       integer NOT NULL,
        result    jsonb NOT NULL,
        PRIMARY KEY (client_id, seq)
      );

      CREATE TABLE history (
        id        bigserial PRIMARY KEY,
        ticket_id uuid NOT NULL,
        at        timestamptz NOT NULL,
        agent_id  uuid,
        mutation  text NOT NULL,
        outcome   text NOT NULL,
        before    jsonb NOT NULL,
        after     jsonb NOT NULL
      );
      CREATE INDEX history_ticket ON history (ticket_id, id);

      CREATE TABLE attachment_bytes (id uuid PRIMARY KEY, media_type text NOT NULL, bytes bytea NOT NULL);

      CREATE TABLE integration_keys (key_hash text PRIMARY KEY, name text NOT NULL);
    `,
  },
  {
    id: 2,
    name: 'own writes',
    sql: `
      -- The versions of a ticket or article each device's own edits made (ticket.update, article.save,
      -- article.setState). An edit is based on the server copy the device last saw; a field changed
      -- since only by that device's earlier, still unconfirmed edits is no news to it, so no conflict.
      CREATE TABLE own_writes (
        client_id uuid    NOT NULL,
        entity    text    NOT NULL,
        id        uuid    NOT NULL,
        version   integer NOT NULL,
        PRIMARY KEY (entity, id, client_id, version)
      );
    `,
  },
];

export async function migrate(db: Database): Promise<void> {
  await db.exec('CREATE TABLE IF NOT EXISTS migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const done = new Set((await db.query<{ id: number }>('SELECT id FROM migrations')).map((r) => Number(r.id)));
  for (const m of MIGRATIONS) {
    if (done.has(m.id)) continue;
    await db.transaction(async (tx) => {
      // Two processes starting on one PostgreSQL must not both migrate.
      await tx.query('SELECT pg_advisory_xact_lock(42)');
      const again = await tx.query('SELECT 1 FROM migrations WHERE id = $1', [m.id]);
      if (again.length > 0) return;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
    });
  }
}

function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.replace(/--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
