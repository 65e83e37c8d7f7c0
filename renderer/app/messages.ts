// Strings of the console's frame: log-in, layout, status bar, outbox, conflicts, shortcuts.
export const appMessages = {
  en: {},
  cs: {},
};
