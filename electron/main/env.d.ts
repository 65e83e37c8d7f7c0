// Vite module forms used by the main process bundle (`?asset` file imports).
/// <reference types="electron-vite/node" />
