// Every user-visible string goes through i18next, English and Czech. Each feature keeps its messages
// beside its code (`<feature>/messages.ts`, one namespace per feature) and is registered here.
import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatNumber } from './format';
import { appMessages } from '../app/messages';
import { kbMessages } from '../kb/messages';
import { offlineMessages } from '../offline/messages';
import { queuesMessages } from '../queues/messages';
import { supervisorMessages } from '../supervisor/messages';
import { ticketMessages } from '../ticket/messages';

export const LANGUAGES = ['en', 'cs'] as const;
export type Language = (typeof LANGUAGES)[number];

type Messages = { en: Record<string, unknown>; cs: Record<string, unknown> };

const namespaces: Record<string, Messages> = {
  app: appMessages,
  queues: queuesMessages,
  ticket: ticketMessages,
  kb: kbMessages,
  offline: offlineMessages,
  supervisor: supervisorMessages,
};

export function registerMessages(namespace: string, messages: Messages): void {
  namespaces[namespace] = messages;
  for (const lng of LANGUAGES) i18next.addResourceBundle(lng, namespace, messages[lng], true, true);
}

function resources(): Resource {
  const out: Resource = { en: {}, cs: {} };
  for (const [ns, m] of Object.entries(namespaces)) {
    (out.en as Record<string, unknown>)[ns] = m.en;
    (out.cs as Record<string, unknown>)[ns] = m.cs;
  }
  return out;
}

export async function initI18n(language: Language = 'en') {
  if (i18next.isInitialized) {
    await i18next.changeLanguage(language);
    return i18next;
  }
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'app',
    resources: resources(),
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  // Counts in messages format through the app's own per-language formatters (format.ts), which the
  // sign-in screen makes ahead of need.
  i18next.services.formatter?.add('number', (value: number, lng: string | undefined) => formatNumber(value, lng ?? i18next.language));
  return i18next;
}

export { i18next };
