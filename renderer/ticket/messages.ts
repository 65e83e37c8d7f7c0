// Strings of the ticket pane, English and Czech (i18next namespace "ticket").
export const ticketMessages = {
  en: {},
  cs: {},
};
