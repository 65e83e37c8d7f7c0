// Who else has this ticket open, and who is writing in it right now (from presence events).
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../shared/schemas/entities';
import { useConsole } from '../app/console-context';
import { usePresenceOn } from './presence-store';

export function PresenceBar({ ticketId, agents }: { ticketId: string; agents: ReadonlyMap<string, Agent> }) {
  const { t } = useTranslation('ticket');
  const { actor } = useConsole();
  const present = usePresenceOn(ticketId);
  const others = Object.entries(present)
    .filter(([agentId]) => agentId !== actor.id)
    .map(([agentId, state]) => ({ agentId, state, name: agents.get(agentId)?.name ?? t('header.unknownAgent') }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (others.length === 0) return null;
  return (
    <ul className="sb-presence" aria-label={t('presence.title')} aria-live="polite">
      {others.map((o) => (
        <li key={o.agentId} className={`sb-presence__who sb-presence__who--${o.state}`}>
          {o.state === 'editing' ? t('presence.editing', { name: o.name }) : t('presence.viewing', { name: o.name })}
        </li>
      ))}
    </ul>
  );
}
