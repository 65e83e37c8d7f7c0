/// <reference types="vite/client" />
interface ImportMetaEnv {
  /** The ticket server the web console talks to by default (set by `npm run web`). */
  readonly VITE_SERVER_URL?: string;
}
