// The header's switches: light and dark themes that follow the system until the agent picks one, and
// English or Czech at any time; both kept in the settings for the next start.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleHeader } from '../../../renderer/app/ConsoleHeader';
import type { Session } from '../../../renderer/app/session';
import { applyTheme, followSystemTheme } from '../../../renderer/app/theme';
import { desktop } from '../../../renderer/desktop';
import { i18next } from '../../../renderer/i18n';
import { idleSync, makeConsole } from '../console-fixture';

/** The system's colour scheme, switchable: jsdom has no matchMedia. */
function systemScheme(dark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    matches: dark,
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  window.matchMedia = ((media: string) => (media === '(prefers-color-scheme: dark)' ? query : { matches: false })) as unknown as typeof window.matchMedia;
  return {
    switchTo(nowDark: boolean) {
      query.matches = nowDark;
      for (const listener of listeners) listener();
    },
  };
}

async function renderHeader() {
  const { services } = await makeConsole({ tickets: 5, articles: 1 });
  const session: Session = { services, sync: idleSync, serverUrl: 'http://127.0.0.1:9', close: () => undefined };
  render(<ConsoleHeader session={session} onPalette={() => undefined} onSignOut={() => undefined} />);
}

const shownTheme = () => document.documentElement.dataset.theme;

describe('themes and languages', () => {
  let stopFollowing: () => void = () => undefined;
  const jsdomMatchMedia = window.matchMedia;
  beforeEach(() => localStorage.clear());
  afterEach(async () => {
    stopFollowing();
    window.matchMedia = jsdomMatchMedia;
    act(() => applyTheme('system'));
    await act(() => i18next.changeLanguage('en'));
  });

  it('follows the system until the agent picks a theme, which then stays and is saved', async () => {
    const user = userEvent.setup();
    const system = systemScheme(true);
    stopFollowing = followSystemTheme();
    act(() => applyTheme('system'));
    expect(shownTheme()).toBe('dark');
    act(() => system.switchTo(false));
    expect(shownTheme()).toBe('light');

    await renderHeader();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'dark');
    expect(shownTheme()).toBe('dark');
    act(() => system.switchTo(false));
    expect(shownTheme()).toBe('dark');
    const settings = await desktop().getSettings();
    expect(settings.ok && settings.value.theme).toBe('dark');
  });

  it('switches to Czech at once, page language included, and saves the choice', async () => {
    const user = userEvent.setup();
    await renderHeader();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'cs');
    expect(document.documentElement.lang).toBe('cs');
    expect(screen.getByRole('combobox', { name: 'Vzhled' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Odhlásit' })).toBeTruthy();
    const settings = await desktop().getSettings();
    expect(settings.ok && settings.value.language).toBe('cs');
  });
});
