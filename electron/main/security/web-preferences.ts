// The console window's webPreferences. Security settings are fixed here and applied last, so no
// caller (and no option object built elsewhere) can turn the sandbox or context isolation off.
import type { WebPreferences } from 'electron';

/** The only preferences a caller may tune; everything else is decided here. */
export type TunablePreferences = Pick<WebPreferences, 'spellcheck' | 'zoomFactor' | 'backgroundThrottling'>;
const TUNABLE_KEYS = ['spellcheck', 'zoomFactor', 'backgroundThrottling'] as const;

export interface WindowSecurityOptions {
  /** Absolute path of the bundled CommonJS preload. */
  readonly preload: string;
  /** DevTools are available only in unpackaged (development) runs. */
  readonly isPackaged: boolean;
}

export function secureWebPreferences(options: WindowSecurityOptions, tunable: TunablePreferences = {}): WebPreferences {
  const picked: TunablePreferences = {};
  for (const key of TUNABLE_KEYS) {
    if (Object.hasOwn(tunable, key)) Object.assign(picked, { [key]: tunable[key] });
  }
  return {
    ...picked,
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: !options.isPackaged,
  };
}
