// What a signed-out user leaves in this window's memory. The next person to sign in on the same window
// must start clean: no ticket open beside a queue, no reply drafts, no knowledge-base search, no presence
// of the old connection, no tickets picked for a bulk reassignment, no wizard state, no outcome of someone
// else's handover. (The cache is per agent and closes with the session; these stores outlive it.) Every
// UI store with per-user state is reset here, and only here.
import { useKbStore } from '../kb/kb-store';
import { useSupervisorStore } from '../supervisor/supervisor-store';
import { useComposerStore } from '../ticket/composer-store';
import { usePresence } from '../ticket/presence-store';
import { useUiStore } from './ui-store';

export function forgetSignedOutUser(): void {
  useUiStore.getState().reset();
  useComposerStore.getState().reset();
  useKbStore.getState().reset();
  usePresence.getState().clear();
  useSupervisorStore.getState().reset();
}
