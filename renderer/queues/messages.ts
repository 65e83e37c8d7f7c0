// Strings of the queues pane, English and Czech (i18next namespace "queues").
export const queuesMessages = {
  en: {},
  cs: {},
};
