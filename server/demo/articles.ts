// Knowledge-base articles. Article n takes the n-th (title, language) of the topic list, so the default
// 150 cover every topic in both languages; larger counts repeat the titles with a qualifier
// ("Tiskárna netiskne (macOS)"). The very first article is always the published "Tiskárna netiskne".
import type { Agent, Article } from '../../shared/schemas/entities';
import { ARTICLE_TOPICS, type ArticleTopic } from './article-topics';
import { table, type Rng } from './prng';
import type { Lang, Topic } from './template-types';
import { DAY, HOUR, type IsoClock } from './time';

type Slot = { topic: ArticleTopic; lang: Lang; title: string };

// Round-robin over titles first, so a small article count still spans every topic and language.
const SLOTS: readonly Slot[] = (() => {
  const slots: Slot[] = [];
  const rounds = Math.max(...ARTICLE_TOPICS.map((t) => Math.max(t.cs.titles.length, t.en.titles.length)));
  for (let r = 0; r < rounds; r++) {
    for (const topic of ARTICLE_TOPICS) {
      for (const lang of ['cs', 'en'] as const) {
        const title = topic[lang].titles[r];
        if (title !== undefined) slots.push({ topic, lang, title });
      }
    }
  }
  return slots;
})();

const QUALIFIERS: Record<'service' | 'help' | 'both', Record<Lang, readonly string[]>> = {
  service: { cs: ['Windows 11', 'macOS', 'pobočky', 'práce z domova', 'noví zaměstnanci', 'mobilní zařízení'], en: ['Windows 11', 'macOS', 'branch offices', 'remote work', 'new starters', 'mobile devices'] },
  help: { cs: ['domácnosti', 'podnikatelé', 'zákaznický portál', 'mobilní aplikace', 'telefonická linka'], en: ['households', 'businesses', 'customer portal', 'mobile app', 'phone line'] },
  both: { cs: ['Service Desk', 'Help Desk', 'noční směna'], en: ['Service Desk', 'Help Desk', 'night shift'] },
};

const HEADINGS: Record<Lang, { steps: string; related: string; tip: string; applies: string }> = {
  cs: { steps: 'Postup', related: 'Související', tip: 'Tip', applies: 'Platí pro' },
  en: { steps: 'Steps', related: 'Related', tip: 'Tip', applies: 'Applies to' },
};

const STATES = table<Article['state']>([['published', 80], ['draft', 12], ['archived', 8]]);

function body(slot: Slot, qualifier: string | null, related: Slot | null): string {
  const text = slot.topic[slot.lang];
  const h = HEADINGS[slot.lang];
  const lines = [`# ${slot.title}${qualifier ? ` (${qualifier})` : ''}`, '', text.intro, ''];
  if (qualifier) lines.push(`*${h.applies}: ${qualifier}.*`, '');
  lines.push(`## ${h.steps}`, '');
  text.steps.forEach((step, i) => lines.push(`${i + 1}. ${step}`));
  lines.push('', `> **${h.tip}:** ${text.tip}`, '', `## ${h.related}`, '', `- [${slot.topic.link[slot.lang]}](${slot.topic.link.url})`);
  if (related) lines.push(`- [${related.title}](${related.topic.link.url})`);
  return lines.join('\n');
}

export type ArticleIndex = {
  /** Published article ids by desk, topic and language, for ticket links and suggestions. */
  published(desk: 'service' | 'help', topic: Topic, lang: Lang): readonly string[];
};

export function generateArticles(rng: Rng, count: number, nowMs: number, iso: IsoClock, agents: readonly Agent[]): { articles: Article[]; index: ArticleIndex } {
  const authors = agents.filter((a) => a.role !== 'field_tech');
  const articles: Article[] = [];
  const byKey = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const slot = SLOTS[i % SLOTS.length]!;
    const round = Math.floor(i / SLOTS.length);
    const quals = QUALIFIERS[slot.topic.desk][slot.lang];
    const qualifier = round === 0 ? null : `${quals[(round - 1) % quals.length]}${round > quals.length ? ` ${Math.ceil(round / quals.length)}` : ''}`;
    const related = rng.chance(0.6) ? rng.pick(SLOTS) : null;
    const state = i === 0 ? 'published' : rng.draw(STATES);
    const article: Article = {
      id: rng.uuid(),
      title: qualifier ? `${slot.title} (${qualifier})` : slot.title,
      body: body(slot, qualifier, related && related.lang === slot.lang && related.title !== slot.title ? related : null),
      desk: slot.topic.desk,
      language: slot.lang,
      category: slot.topic.category,
      tags: [...slot.topic.tags],
      state,
      authorId: rng.chance(0.92) ? rng.pick(authors).id : null,
      version: state === 'draft' ? rng.int(1, 2) : state === 'archived' ? rng.int(2, 8) : rng.int(1, 6),
      updatedAt: iso(nowMs - rng.between(HOUR, 365 * DAY)),
    };
    articles.push(article);
    if (state === 'published') {
      const desks = slot.topic.desk === 'both' ? (['service', 'help'] as const) : [slot.topic.desk];
      for (const d of desks) {
        const key = `${d} ${slot.topic.topic} ${slot.lang}`;
        const list = byKey.get(key);
        if (list) list.push(article.id);
        else byKey.set(key, [article.id]);
      }
    }
  }
  const none: readonly string[] = [];
  return { articles, index: { published: (desk, topic, lang) => byKey.get(`${desk} ${topic} ${lang}`) ?? none } };
}
