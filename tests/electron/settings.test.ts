// Settings: defaults, repair of corrupt stored values (reported, never fatal), patches, window bounds.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/ipc/settings';
import type { Settings } from '../../shared/ipc/settings';
import type { SettingsProblem } from '../../shared/ipc/contract';
import { createSettingsStore } from '../../electron/main/settings/settings-store';
import { restoreWindowBounds } from '../../electron/main/settings/window-bounds';

function memoryBackend(initial: unknown) {
  const state = { stored: initial, writes: 0 };
  return {
    state,
    backend: {
      read: () => state.stored,
      write: (value: Settings) => {
        state.stored = JSON.parse(JSON.stringify(value));
        state.writes += 1;
      },
    },
  };
}

function open(initial: unknown) {
  const reported: SettingsProblem[] = [];
  const { state, backend } = memoryBackend(initial);
  const store = createSettingsStore(backend, (problem) => reported.push(problem));
  return { store, reported, state };
}

describe('settings store', () => {
  it('a first start has the documented defaults and reports nothing', () => {
    const { store, reported } = open(undefined);
    expect(store.get()).toEqual({
      serverUrl: 'http://127.0.0.1:4010',
      language: 'en',
      theme: 'system',
      paneLayouts: {},
      windowBounds: null,
      notifications: { enabled: true, assignedToMe: true, slaWarning: true, slaLeadMinutes: 15, conflicts: true, silent: false },
    });
    expect(reported).toEqual([]);
  });

  it('valid stored settings come back unchanged', () => {
    const saved = {
      ...DEFAULT_SETTINGS,
      serverUrl: 'https://desk.example.com/api',
      language: 'cs',
      theme: 'dark',
      paneLayouts: { 'agent-1': { panes: ['service', 'kb'], widths: [0.6, 0.4] } },
      windowBounds: { x: 100, y: 80, width: 1300, height: 850, maximized: true },
    };
    const { store, reported } = open(saved);
    expect(store.get()).toEqual(saved);
    expect(reported).toEqual([]);
  });

  it('corrupt fields fall back to their defaults, are reported, and the rest is kept', () => {
    const { store, reported, state } = open({
      serverUrl: 'javascript:alert(1)',
      language: 'klingon',
      theme: 'dark',
      paneLayouts: 'not an object',
      windowBounds: { x: 'left', y: 0, width: 10, height: 10, maximized: false },
      notifications: { enabled: false, slaLeadMinutes: -5, conflicts: 'yes' },
    });
    const settings = store.get();
    expect(settings.serverUrl).toBe(DEFAULT_SETTINGS.serverUrl);
    expect(settings.language).toBe('en');
    expect(settings.theme).toBe('dark');
    expect(settings.paneLayouts).toEqual({});
    expect(settings.windowBounds).toBeNull();
    expect(settings.notifications).toEqual({ ...DEFAULT_SETTINGS.notifications, enabled: false });
    expect(reported.map((problem) => problem.path).sort()).toEqual(
      ['language', 'notifications.conflicts', 'notifications.slaLeadMinutes', 'paneLayouts', 'serverUrl', 'windowBounds'].sort(),
    );
    // Repaired once on disk, so the next start is clean.
    expect(state.stored).toEqual(settings);
  });

  it.each([['a string', 'garbage'], ['an array', [1, 2]], ['a number', 42], ['null', null]])('stored settings that are %s give defaults', (_name, raw) => {
    const { store, reported } = open(raw);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(reported).toHaveLength(1);
  });

  it('a backend that throws on read gives defaults instead of crashing', () => {
    const reported: SettingsProblem[] = [];
    const store = createSettingsStore(
      {
        read: () => {
          throw new SyntaxError('Unexpected token } in JSON');
        },
        write: () => {},
      },
      (problem) => reported.push(problem),
    );
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(reported[0]?.message).toMatch(/could not be read/);
  });

  it('patches merge notification preferences, set one user’s pane layout, and persist', () => {
    const { store, state } = open(undefined);
    store.update({ notifications: { slaLeadMinutes: 30 }, paneLayout: { userId: 'agent-1', layout: { panes: ['help'] } } });
    store.update({ paneLayout: { userId: 'agent-2', layout: [1, 2, 3] }, serverUrl: 'https://desk.example.com/' });
    expect(store.get().notifications).toEqual({ ...DEFAULT_SETTINGS.notifications, slaLeadMinutes: 30 });
    expect(store.get().paneLayouts).toEqual({ 'agent-1': { panes: ['help'] }, 'agent-2': [1, 2, 3] });
    expect(store.get().serverUrl).toBe('https://desk.example.com');
    store.update({ paneLayout: { userId: 'agent-1', layout: null } });
    expect(Object.keys((state.stored as Settings).paneLayouts)).toEqual(['agent-2']);
  });

  it('an invalid patch changes nothing', () => {
    const { store } = open(undefined);
    expect(() => store.update({ theme: 'neon' as never })).toThrow();
    expect(() => store.update({ paneLayout: { userId: 'u', layout: { big: 'x'.repeat(200_000) } } })).toThrow();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('window bounds on start', () => {
  const primary = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const right = { workArea: { x: 1920, y: 0, width: 2560, height: 1400 } };

  it('restores saved bounds that are on a connected display', () => {
    const saved = { x: 2100, y: 100, width: 1600, height: 1000, maximized: false };
    expect(restoreWindowBounds(saved, [primary, right], primary)).toEqual(saved);
  });

  it('a window left on an unplugged monitor comes back centered on the primary display', () => {
    const saved = { x: 2100, y: 100, width: 1600, height: 1000, maximized: true };
    const restored = restoreWindowBounds(saved, [primary], primary);
    expect(restored).toEqual({ x: 160, y: 20, width: 1600, height: 1000, maximized: true });
  });

  it('a window whose title bar is off-screen (above or far left) is brought back', () => {
    for (const saved of [
      { x: 100, y: -900, width: 1200, height: 800, maximized: false },
      { x: -5000, y: 100, width: 1200, height: 800, maximized: false },
      { x: 1850, y: 100, width: 1200, height: 800, maximized: false },
    ]) {
      const restored = restoreWindowBounds(saved, [primary], primary);
      expect(restored.x, JSON.stringify(saved)).toBeGreaterThanOrEqual(0);
      expect(restored.y).toBeGreaterThanOrEqual(0);
      expect(restored.x + restored.width).toBeLessThanOrEqual(1920);
      expect(restored.y + restored.height).toBeLessThanOrEqual(1040);
    }
  });

  it('a window bigger than its display is shrunk to fit', () => {
    const restored = restoreWindowBounds({ x: 0, y: 0, width: 4000, height: 3000, maximized: false }, [primary], primary);
    expect(restored).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: false });
  });

  it('no saved bounds: a default-sized window centered on the primary display', () => {
    expect(restoreWindowBounds(null, [primary, right], primary)).toEqual({ x: 240, y: 70, width: 1440, height: 900, maximized: false });
  });
});
