// Strings of the kb pane, English and Czech (i18next namespace "kb").
export const kbMessages = {
  en: {},
  cs: {},
};
