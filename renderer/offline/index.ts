// The field-work feature's public face: the pane, the notifications hook and the kept-file uploader.
// The console mounts `useNotifications()` once and shows `FieldPane` as a pane; the sync engine uploads kept files.
export { FieldPane, type FieldPaneProps } from './FieldPane';
export { useNotifications, type NotificationBridge, type NotificationOptions } from './use-notifications';
export { offlineMessages } from './messages';
