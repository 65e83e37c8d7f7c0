// Light and dark themes: follow the system unless the agent chose one.
import { create } from 'zustand';
import type { Theme } from '../../shared/ipc/settings';

const useThemeStore = create<{ theme: Theme }>(() => ({ theme: 'system' }));
export const useTheme = () => useThemeStore((s) => s.theme);

export function applyTheme(theme: Theme): void {
  useThemeStore.setState({ theme });
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia?.('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

/** Re-applies "system" when the system switches. */
export function followSystemTheme(): () => void {
  const query = window.matchMedia?.('(prefers-color-scheme: dark)');
  const onChange = () => applyTheme(useThemeStore.getState().theme);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}
