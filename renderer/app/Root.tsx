// The console's top: settings (language, theme) first, then a saved session or the sign-in screen.
import { startTransition, useEffect, useState } from 'react';
import { DEFAULT_SERVER_URL } from '../../shared/ipc/settings';
import { desktop } from '../desktop';
import { usePresence } from '../ticket/presence-store';
import { ConsoleProvider } from './console-context';
import { ConsoleScreen } from './ConsoleScreen';
import { LoginScreen } from './LoginScreen';
import { resume, signOut, type Session } from './session';
import { applyTheme, followSystemTheme } from './theme';
import { initI18n } from '../i18n';

export function Root() {
  const [ready, setReady] = useState(false);
  const [serverUrl, setServerUrl] = useState(DEFAULT_SERVER_URL);
  const [session, setSession] = useState<Session | null>(null);

  useEffect(() => {
    const stopFollowing = followSystemTheme();
    void (async () => {
      const settings = await desktop().getSettings();
      const language = settings.ok ? settings.value.language : 'en';
      await initI18n(language);
      document.documentElement.lang = language;
      applyTheme(settings.ok ? settings.value.theme : 'system');
      if (settings.ok) setServerUrl(settings.value.serverUrl);
      const resumed = await resume();
      startTransition(() => {
        setSession(resumed);
        setReady(true);
      });
    })();
    return stopFollowing;
  }, []);

  useEffect(() => session?.sync.onPresence((event) => usePresence.getState().apply(event)), [session]);

  if (!ready) return null;
  // The console is a large tree: rendered as a transition, React builds it in slices of a few
  // milliseconds and the window stays responsive (one synchronous render was a 300 ms task).
  const enter = (next: Session) => startTransition(() => setSession(next));
  if (!session) return <LoginScreen initialServerUrl={serverUrl} onSignedIn={enter} />;
  return (
    <ConsoleProvider services={session.services}>
      <ConsoleScreen
        session={session}
        onSignOut={() => {
          void signOut(session);
          setSession(null);
        }}
      />
    </ConsoleProvider>
  );
}
