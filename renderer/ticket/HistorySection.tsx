// The audit trail: who changed what and when, with the values before and after. It is not synced
// (PROTOCOL.md, Reads beyond sync), so it is fetched from the server on request and needs the network;
// offline the agent gets a plain sentence instead.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HistoryEntry } from '../../shared/protocol/sync';
import type { Agent } from '../../shared/schemas/entities';
import { useConsole } from '../app/console-context';
import { formatDateTime } from '../i18n/format';
import { historyLines, type Translate } from './history-values';

type Load = { state: 'idle' | 'loading' | 'failed' } | { state: 'loaded'; entries: HistoryEntry[] };

export function HistorySection({ ticketId, agents }: { ticketId: string; agents: ReadonlyMap<string, Agent> }) {
  const { t, i18n } = useTranslation('ticket');
  const { api } = useConsole();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const translate: Translate = (key, options) => t(key, options ?? {});

  useEffect(() => {
    if (!open) return;
    let live = true;
    setLoad({ state: 'loading' });
    (async () => {
      try {
        const answer = await api.history(ticketId);
        const entries = (Array.isArray(answer?.entries) ? answer.entries : []).flatMap((raw) => {
          const parsed = HistoryEntry.safeParse(raw);
          return parsed.success ? [parsed.data] : [];
        });
        if (live) setLoad({ state: 'loaded', entries });
      } catch {
        // Offline, or the server could not answer: either way the history waits for the network.
        if (live) setLoad({ state: 'failed' });
      }
    })();
    return () => {
      live = false;
    };
  }, [api, ticketId, open, attempt]);

  return (
    <section className="sb-ticket__card sb-history">
      <h3 id={`${id}-title`} className="sb-ticket__section-title">{t('history.title')}</h3>
      <div className="sb-ticket__row">
        <button type="button" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen((o) => !o)}>
          {open ? t('history.hide') : t('history.show')}
        </button>
        {open && load.state !== 'loading' ? (
          <button type="button" onClick={() => setAttempt((a) => a + 1)}>{t('history.refresh')}</button>
        ) : null}
      </div>
      <div id={`${id}-body`} hidden={!open}>
        {load.state === 'loading' ? <p role="status">{t('history.loading')}</p> : null}
        {load.state === 'failed' ? <p role="status" className="sb-history__offline">{t('history.offline')}</p> : null}
        {load.state === 'loaded' && load.entries.length === 0 ? <p>{t('history.empty')}</p> : null}
        {load.state === 'loaded' && load.entries.length > 0 ? (
          <ol className="sb-history__list">
            {load.entries.map((entry, i) => (
              <li key={`${entry.at}-${i}`} className={`sb-history__entry sb-history__entry--${entry.outcome}`}>
                <div className="sb-history__meta">
                  <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>{' '}
                  <span>{entry.agentId ? (agents.get(entry.agentId)?.name ?? t('header.unknownAgent')) : t('history.system')}</span>{' '}
                  <span className="sb-history__mutation">{t(`history.mutation.${entry.mutation.replace('.', '_')}`, { defaultValue: entry.mutation })}</span>{' '}
                  <span className="sb-history__outcome">{t(`history.outcome.${entry.outcome}`)}</span>
                </div>
                <ul className="sb-history__changes">
                  {historyLines(entry, { t: translate, language: i18n.language, agents }).map((line) => (
                    <li key={line.key}>{t('history.change', { field: line.field, before: line.before, after: line.after })}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </section>
  );
}
