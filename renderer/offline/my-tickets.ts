// Every ticket assigned to the signed-in agent, mirrored in memory for the notifications and kept current
// from Dexie's change notices: a write names the tickets (and shadows) it touched, and only those are
// read again. A live query over "my tickets" re-read all of them (thousands, with their shadows) after
// every change to any one of them, several times per note an agent adds, holding the window and the
// database while the change it had just made waited to be sent. A notice too large to name its tickets
// (a bootstrap or pull page) reads everything again, one such read at a time; one that names no shadows
// reads the shadows of my tickets again.
import Dexie, { type ObservabilitySet } from 'dexie';
import type { Ticket } from '../../shared/schemas/ticket';
import type { CacheDb } from '../db/cache-db';
import { observedChange } from '../lib/observed-keys';
import { i18next } from '../i18n';
import { parseRowKey, rowKey } from '../sync/touched-rows';
import type { AssignedSnapshot } from './notifications';
import { DEFAULT_TIME_ZONE } from './tickets';

export type MyTickets = { snapshot: AssignedSnapshot; tickets: Array<{ ticket: Ticket; timeZone: string }> };

/** The ticket a shadow key is of, or null for other rows' shadows. */
function shadowedTicket(key: string): string | null {
  const { entity, id } = parseRowKey(key);
  return entity === 'ticket' ? id : null;
}

export function watchMyTickets(db: CacheDb, actorId: string, onValue: (value: MyTickets) => void, onError: (error: unknown) => void): () => void {
  const mine = new Map<string, Ticket>();
  /** Mine only through my own outstanding change: the server's copy (the shadow) is someone else's or absent. */
  const mineByMyChange = new Set<string>();
  let zones = new Map<string, string>();
  let agentNames = new Map<string, string>();
  let bootstrapped = false;
  let reloadAll = true;
  let referencesChanged = false;
  /** Shadows changed in a way that names no keys: which of my tickets are mine by my change is read again. */
  let shadowsChanged = false;
  const touched = new Set<string>();
  let draining = false;
  let stopped = false;

  const isMineByMyChange = (ticket: Ticket, shadow: { data: unknown } | undefined) =>
    shadow !== undefined && (shadow.data as Ticket | null)?.assigneeId !== actorId && ticket.assigneeId === actorId;

  const readReferences = async () => {
    const [meta, organizations, agents] = await Promise.all([db.getMeta<boolean>('bootstrapped'), db.organizations.toArray(), db.agents.toArray()]);
    bootstrapped = meta === true;
    zones = new Map(organizations.map((o) => [o.id, o.timeZone]));
    agentNames = new Map(agents.map((a) => [a.id, a.name]));
  };
  const readReferencesAlone = () => db.transaction('r', [db.meta, db.organizations, db.agents], readReferences);

  /** My tickets are read only once the cache is bootstrapped: before, every notice is a baseline anyway. */
  let ticketsUnread = true;
  const READ_CHUNK = 250;

  const readAll = async () => {
    await readReferencesAlone();
    if (!bootstrapped) {
      // A bootstrap writes page after page, each a notice naming no keys: reading thousands of my
      // tickets after every page held the window for a long task each time, for nothing.
      mine.clear();
      mineByMyChange.clear();
      ticketsUnread = true;
      return;
    }
    ticketsUnread = false;
    const ids = await db.tickets.where('assigneeId').equals(actorId).primaryKeys();
    mine.clear();
    mineByMyChange.clear();
    // In chunks, each its own short read: thousands of tickets taken in at once are a long task.
    // A change written between two chunks is named by its notice and read again after.
    for (let i = 0; i < ids.length && !stopped; i += READ_CHUNK) {
      await readSome(ids.slice(i, i + READ_CHUNK), false);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };

  const readSome = (ids: string[], references: boolean) =>
    db.transaction('r', [db.tickets, db.shadows, db.meta, db.organizations, db.agents], async () => {
      const [tickets, shadows] = await Promise.all([db.tickets.bulkGet(ids), db.shadows.bulkGet(ids.map((id) => rowKey('ticket', id)))]);
      ids.forEach((id, i) => {
        const t = tickets[i];
        if (t?.assigneeId === actorId) mine.set(id, t);
        else mine.delete(id);
        if (t && isMineByMyChange(t, shadows[i])) mineByMyChange.add(id);
        else mineByMyChange.delete(id);
      });
      if (references) await readReferences();
    });

  const rereadShadows = () =>
    db.transaction('r', db.shadows, async () => {
      const ids = (await db.shadows.toCollection().primaryKeys()).map(shadowedTicket).filter((id): id is string => id !== null && mine.has(id));
      const shadows = await db.shadows.bulkGet(ids.map((id) => rowKey('ticket', id)));
      mineByMyChange.clear();
      shadows.forEach((shadow, i) => {
        if (isMineByMyChange(mine.get(ids[i]!)!, shadow)) mineByMyChange.add(ids[i]!);
      });
    });

  const emit = () => {
    const rows = [...mine.values()];
    const selfAssigned = new Set(mineByMyChange);
    const tickets = rows.map((t) => {
      // Handed over by a shift handover: the ticket's current assignee is the one the handover set.
      const by = t.handover !== undefined && t.handover.version === t.fieldVersions.assigneeId ? t.handover.by : null;
      // A handover I ran myself that made tickets mine is no news to me.
      if (by === actorId) selfAssigned.add(t.id);
      const handedOverBy = by === null ? null : { id: by, name: agentNames.get(by) ?? i18next.t('notify.someone', { ns: 'offline' }) };
      return { id: t.id, key: t.key, subject: t.subject, status: t.status, ...(handedOverBy ? { handedOverBy } : {}) };
    });
    onValue({
      snapshot: { bootstrapped, tickets, selfAssigned },
      tickets: rows.map((ticket) => ({ ticket, timeZone: zones.get(ticket.organizationId) ?? DEFAULT_TIME_ZONE })),
    });
  };

  const drain = async () => {
    while (!stopped && (reloadAll || touched.size > 0 || referencesChanged || shadowsChanged)) {
      if (reloadAll) {
        reloadAll = false;
        touched.clear();
        referencesChanged = false;
        shadowsChanged = false;
        await readAll();
      } else if (ticketsUnread) {
        // Until the bootstrap ends only the flag matters; its end reads my tickets.
        touched.clear();
        shadowsChanged = false;
        referencesChanged = false;
        await readReferencesAlone();
        if (bootstrapped) reloadAll = true;
        continue;
      } else if (shadowsChanged) {
        shadowsChanged = false;
        await rereadShadows();
      } else {
        const ids = [...touched];
        const references = referencesChanged;
        touched.clear();
        referencesChanged = false;
        // Tickets of others that stayed others' change nothing here: no new value for them.
        const before = ids.map((id) => mine.get(id));
        const selfBefore = ids.map((id) => mineByMyChange.has(id));
        await readSome(ids, references);
        if (!references && ids.every((id, i) => mine.get(id) === before[i] && mineByMyChange.has(id) === selfBefore[i])) continue;
      }
      if (!stopped) emit();
    }
  };

  const kick = () => {
    if (draining || stopped) return;
    draining = true;
    drain()
      .catch((error: unknown) => {
        if (stopped) return;
        reloadAll = true; // start over from a full read at the next notice
        onError(error);
      })
      .finally(() => {
        draining = false;
        if (!stopped && (touched.size > 0 || referencesChanged || shadowsChanged)) kick();
      });
  };

  const onMutated = (parts: ObservabilitySet) => {
    const tickets = observedChange(parts, db.name, 'tickets');
    const shadows = observedChange(parts, db.name, 'shadows', rowKey('ticket', ''));
    if (tickets?.all) reloadAll = true;
    if (shadows?.all) shadowsChanged = true;
    if (tickets && !tickets.all) tickets.keys.forEach((id) => touched.add(id));
    if (shadows && !shadows.all) for (const id of shadows.keys.map(shadowedTicket)) if (id !== null) touched.add(id);
    // Every pull writes the cursor into meta: only the bootstrapped flag matters here.
    const meta = observedChange(parts, db.name, 'meta');
    if (meta && (meta.all || meta.keys.includes('bootstrapped'))) referencesChanged = true;
    if (observedChange(parts, db.name, 'organizations') || observedChange(parts, db.name, 'agents')) referencesChanged = true;
    if (reloadAll || touched.size > 0 || referencesChanged || shadowsChanged) kick();
  };

  Dexie.on('storagemutated', onMutated);
  kick();
  return () => {
    stopped = true;
    Dexie.on.storagemutated.unsubscribe(onMutated);
  };
}
