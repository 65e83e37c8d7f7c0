// Publish, archive or take back to draft (`article.setState`): only for those whose role may
// (supervisors and admins), and only the moves away from the current state.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, ArticleState } from '../../shared/schemas/entities';
import { useConsole } from '../app/console-context';
import { mayChangeState } from './article-permissions';

const MOVES: { to: ArticleState; label: string }[] = [
  { to: 'published', label: 'state.publish' },
  { to: 'archived', label: 'state.archive' },
  { to: 'draft', label: 'state.toDraft' },
];

export function StateActions({ article }: { article: Article }) {
  const { t } = useTranslation('kb');
  const { actor, change } = useConsole();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!mayChangeState(actor, article)) return null;

  async function move(to: ArticleState) {
    setBusy(true);
    setFailed(false);
    try {
      await change('article.setState', { id: article.id, state: to });
    } catch (error) {
      console.error('The state change was not queued', error);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div role="group" aria-label={t('state.group')} className="sb-kbpane__state-actions">
      {MOVES.filter((m) => m.to !== article.state).map((m) => (
        <button key={m.to} type="button" disabled={busy} onClick={() => void move(m.to)}>
          {t(m.label)}
        </button>
      ))}
      {failed ? <p role="alert" className="sb-kbpane__error">{t('error.notSaved')}</p> : null}
    </div>
  );
}
