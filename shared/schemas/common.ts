// Building blocks shared by every schema: ids, times and the two desks.
import { z } from 'zod';

/** Ids are client-makeable UUIDs (v7 preferred), so entities can be created offline. */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** Times travel as ISO 8601 strings in UTC. */
export const IsoTime = z.iso.datetime({ offset: false });

export const DESKS = ['service', 'help'] as const;
export const Desk = z.enum(DESKS);
export type Desk = z.infer<typeof Desk>;

/** A bounded single-line text, so a hostile client cannot store megabytes in a name. */
export const Line = (max = 200) => z.string().trim().min(1).max(max);
/** Markdown bodies: generous but bounded (the request limit is 1 MB). */
export const Body = z.string().max(100_000);

export const Tags = z.array(z.string().trim().min(1).max(50)).max(30);
