// Writes generated demo data in bulk: a few thousand rows per statement,
// so 100,000 tickets take seconds. Every row gets its change number, as if pushed.
import type { DemoData } from '../demo/index';
import type { Put } from '../../shared/rules/outcome';
import { hashPassword } from '../auth/passwords';
import { lockChanges, writePuts } from '../sync/entity-store';
import type { Database } from './database';

export const DEMO_PASSWORD = 'demo';
const CHUNK = 2_000;

export async function seedDemo(db: Database, data: DemoData): Promise<void> {
  const ticketDesks = new Map(data.tickets.map((t) => [t.id, t.desk]));
  const puts: Put[] = [
    ...data.organizations.map((data): Put => ({ entity: 'organization', id: data.id, op: 'put', data })),
    ...data.groups.map((data): Put => ({ entity: 'group', id: data.id, op: 'put', data })),
    ...data.shifts.map((data): Put => ({ entity: 'shift', id: data.id, op: 'put', data })),
    ...data.agents.map((data): Put => ({ entity: 'agent', id: data.id, op: 'put', data })),
    ...data.articles.map((data): Put => ({ entity: 'article', id: data.id, op: 'put', data })),
    ...data.tickets.map((data): Put => ({ entity: 'ticket', id: data.id, op: 'put', data })),
    ...data.comments.map((data): Put => ({ entity: 'comment', id: data.id, op: 'put', data })),
    ...data.worklogs.map((data): Put => ({ entity: 'worklog', id: data.id, op: 'put', data })),
  ];
  // One hash for every demo login: they share the documented password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await lockChanges(tx);
    for (let i = 0; i < puts.length; i += CHUNK) {
      await writePuts(tx, puts.slice(i, i + CHUNK), (id) => ticketDesks.get(id));
    }
    for (const agent of data.agents) {
      await tx.query('INSERT INTO credentials (agent_id, email, password_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [agent.id, agent.email.toLowerCase(), passwordHash]);
    }
    // New tickets continue the demo's numbering.
    for (const [desk, sequence, prefix] of [['service', 'service_key_seq', 'SD-'], ['help', 'help_key_seq', 'HD-']] as const) {
      const numbers = data.tickets.filter((t) => t.desk === desk && t.key?.startsWith(prefix)).map((t) => Number(t.key?.slice(3)));
      if (numbers.length > 0) await tx.query(`SELECT setval('${sequence}', $1)`, [numbers.reduce((a, b) => Math.max(a, b), 0)]);
    }
  });
}

export async function isEmpty(db: Database): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM credentials LIMIT 1`);
  return rows.length === 0;
}
