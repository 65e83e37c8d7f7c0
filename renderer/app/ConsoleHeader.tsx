// The title bar: the palette trigger, language and theme switches, resync and sign-out.
import { useTranslation } from 'react-i18next';
import { THEMES, type Language, type Theme } from '../../shared/ipc/settings';
import { desktop } from '../desktop';
import { LANGUAGES } from '../i18n';
import type { Session } from './session';
import { applyTheme, useTheme } from './theme';

export function ConsoleHeader({ session, onPalette, onSignOut }: { session: Session; onPalette: () => void; onSignOut: () => void }) {
  const { t, i18n } = useTranslation('app');
  const theme = useTheme();
  const setLanguage = async (language: Language) => {
    await i18n.changeLanguage(language);
    document.documentElement.lang = language;
    await desktop().setSettings({ language });
  };
  const setTheme = async (next: Theme) => {
    applyTheme(next);
    await desktop().setSettings({ theme: next });
  };
  return (
    <header className="console-header">
      <strong className="brand">{t('appName')}</strong>
      <button type="button" className="palette-trigger" onClick={onPalette}>{t('menu.palette')}</button>
      <span className="header-spacer" />
      <span className="signed-in">{t('menu.signedInAs', { name: session.services.actor.name })}</span>
      <label>
        {t('menu.language')}
        <select value={i18n.language} onChange={(e) => void setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => <option key={l} value={l}>{l === 'cs' ? 'Čeština' : 'English'}</option>)}
        </select>
      </label>
      <label>
        {t('menu.theme')}
        <select value={theme} onChange={(e) => void setTheme(e.target.value as Theme)}>
          {THEMES.map((th) => <option key={th} value={th}>{t(`menu.themes.${th}`)}</option>)}
        </select>
      </label>
      <button type="button" onClick={() => session.sync.resyncFromScratch()}>{t('menu.resync')}</button>
      <button type="button" onClick={onSignOut}>{t('menu.signOut')}</button>
    </header>
  );
}
