// Settings on disk through electron-store. A file that is not even JSON is reported and replaced by
// an empty store (then defaults); a parseable but wrong one is repaired by settings-store.ts.
import Store from 'electron-store';
import type { Settings } from '../../../shared/ipc/settings';
import type { SettingsBackend } from './settings-store';

export function createElectronStoreBackend(report: (message: string) => void): SettingsBackend {
  const store = new Store<Record<string, unknown>>({
    name: 'settings',
    clearInvalidConfig: true,
    deserialize: (text: string) => {
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch (error) {
        report(`settings file is not valid JSON and was reset (${String(error)})`);
        throw error;
      }
    },
  });
  return {
    read: () => store.store,
    write: (value: Settings) => {
      store.store = value;
    },
  };
}
