// The IPC contract itself: names, prefixes and the exact shape of the bridge.
import { describe, expect, it } from 'vitest';
import { BRIDGE_KEYS, EVENT_CHANNELS, eventContract, INVOKE_CHANNELS, invokeContract } from '../../shared/ipc/contract';

describe('IPC contract', () => {
  it('every channel carries the app: prefix and is unique', () => {
    const channels = [...Object.values(INVOKE_CHANNELS), ...Object.values(EVENT_CHANNELS)];
    for (const channel of channels) expect(channel).toMatch(/^app:[a-z]+:[A-Za-z]+$/);
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('every bridge method has schemas, and every schema has a bridge method', () => {
    expect(Object.keys(invokeContract).sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    expect(Object.keys(eventContract).sort()).toEqual(Object.values(EVENT_CHANNELS).sort());
    expect([...BRIDGE_KEYS].sort()).toEqual([...Object.keys(INVOKE_CHANNELS), ...Object.keys(EVENT_CHANNELS)].sort());
  });

  it('has the channels the console relies on', () => {
    expect(Object.values(INVOKE_CHANNELS)).toEqual(
      expect.arrayContaining([
        'app:settings:get',
        'app:settings:set',
        'app:auth:storeRefreshToken',
        'app:auth:getAccessToken',
        'app:auth:logout',
        'app:auth:status',
        'app:notifications:show',
        'app:tray:setBadge',
        'app:shell:openExternal',
      ]),
    );
  });

  it('argument tuples refuse extra arguments', () => {
    expect(invokeContract['app:auth:getAccessToken'].args.safeParse([]).success).toBe(true);
    expect(invokeContract['app:auth:getAccessToken'].args.safeParse(['x']).success).toBe(false);
  });

  it('event payloads accept real ticket keys and commands only', () => {
    expect(eventContract['app:event:deepLink'].safeParse({ ticketKey: 'SD-1042' }).success).toBe(true);
    expect(eventContract['app:event:deepLink'].safeParse({ ticketKey: 'sd-1042/../x' }).success).toBe(false);
    expect(eventContract['app:event:menuCommand'].safeParse({ command: 'palette.open' }).success).toBe(true);
    expect(eventContract['app:event:menuCommand'].safeParse({ command: 'app.quit' }).success).toBe(false);
  });
});
