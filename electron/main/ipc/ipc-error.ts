// A handler's way to answer with a specific contract error code; any other throw becomes `internal`
// and its message stays in the log, never in the renderer.
import type { IpcErrorCode } from '../../../shared/ipc/contract';

export class IpcHandlerError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcHandlerError';
  }
}
