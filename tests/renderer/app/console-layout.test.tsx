// The console's panes: Service Desk, Help Desk and knowledge base side by side as named regions; each
// can be collapsed (and shown again from the rail), maximized and moved, and the arrangement is kept
// per user (here in the browser's local settings) for the next sign-in.
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleScreen } from '../../../renderer/app/ConsoleScreen';
import { ConsoleProvider } from '../../../renderer/app/console-context';
import type { Session } from '../../../renderer/app/session';
import { idleSync, makeConsole } from '../console-fixture';

async function signIn(email = 'agent@example.com') {
  const { services } = await makeConsole({ email, tickets: 30, articles: 3 });
  const session: Session = { services, sync: idleSync, serverUrl: 'http://127.0.0.1:9', close: () => undefined };
  const view = render(<ConsoleProvider services={services}><ConsoleScreen session={session} onSignOut={() => undefined} /></ConsoleProvider>);
  return view;
}

const PANES = ['Service Desk', 'Help Desk', 'Knowledge base'];
/** The panes shown, left to right (document order is the order on screen). */
const shown = () => screen.queryAllByRole('region').map((r) => r.getAttribute('aria-label')).filter((name) => PANES.includes(name!));

describe('the console layout', () => {
  // jsdom has no ResizeObserver, which the split panes use to follow their size: one that never reports.
  const jsdomHas = globalThis.ResizeObserver;
  beforeAll(() => {
    globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} };
  });
  afterAll(() => {
    globalThis.ResizeObserver = jsdomHas;
  });
  afterEach(() => localStorage.clear());

  it('collapses, maximizes and moves panes, and keeps the arrangement for the agent\'s next sign-in only', async () => {
    const user = userEvent.setup();
    const first = await signIn();
    await waitFor(() => expect(shown()).toEqual(PANES));

    await user.click(screen.getByRole('button', { name: 'Collapse Help Desk' }));
    await waitFor(() => expect(shown()).toEqual(['Service Desk', 'Knowledge base']));
    await user.click(screen.getByRole('button', { name: 'Move Knowledge base left' }));
    await waitFor(() => expect(shown()).toEqual(['Knowledge base', 'Service Desk']));

    await user.click(screen.getByRole('button', { name: 'Maximize Service Desk' }));
    await waitFor(() => expect(shown()).toEqual(['Service Desk']));
    await user.click(screen.getByRole('button', { name: 'Restore layout' }));
    await waitFor(() => expect(shown()).toEqual(['Knowledge base', 'Service Desk']));

    first.unmount();
    const again = await signIn();
    await waitFor(() => expect(shown()).toEqual(['Knowledge base', 'Service Desk']));
    // The knowledge base swapped places with the Service Desk: the Help Desk comes back between them.
    await user.click(screen.getByRole('button', { name: 'Show Help Desk' }));
    await waitFor(() => expect(shown()).toEqual(['Knowledge base', 'Help Desk', 'Service Desk']));
    again.unmount();

    // Another agent on this machine (a field tech, of the Service Desk only) starts from the default.
    await act(async () => {
      await signIn('tech@example.com');
    });
    await waitFor(() => expect(shown()).toEqual(['Service Desk', 'Knowledge base']));
  });
});
