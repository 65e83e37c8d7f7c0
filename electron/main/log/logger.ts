// Main-process logging: one JSON line per event, redacted before it is written anywhere.
import { redact, redactText } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export function createLogger(write: (line: string) => void, now: () => Date = () => new Date()): Logger {
  const log = (level: LogLevel, message: string, details?: Record<string, unknown>) => {
    const entry = { time: now().toISOString(), level, message: redactText(message), ...(details ? { details: redact(details) } : {}) };
    try {
      write(JSON.stringify(entry));
    } catch {
      // Logging must never take the app down.
    }
  };
  return {
    log,
    info: (message, details) => log('info', message, details),
    warn: (message, details) => log('warn', message, details),
    error: (message, details) => log('error', message, details),
  };
}
