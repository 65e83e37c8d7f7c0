// What a signed-out user leaves in this window's memory. The next person to sign in on the same window
// must start clean: no tickets picked for a bulk reassignment, no wizard state, no outcome of someone
// else's handover. (The cache is per agent and closes with the session; these stores outlive it.)
import { useSupervisorStore } from '../supervisor/supervisor-store';

export function forgetSignedOutUser(): void {
  useSupervisorStore.getState().reset();
}
