// The sandboxed preload (bundled as CommonJS: sandboxed preloads cannot be ES modules). It exposes the
// IPC contract as window.switchboard and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../../shared/ipc/channels';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipcRenderer));
