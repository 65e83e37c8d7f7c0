// Web permissions: only the listed ones, only for the console's own origin.
import { describe, expect, it } from 'vitest';
import { ALLOWED_PERMISSIONS, createPermissionCheckHandler, createPermissionRequestHandler } from '../../electron/main/security/permissions';

const policy = { allowed: ALLOWED_PERMISSIONS, trustedOrigins: new Set(['app://console']) };

function request(permission: string, requestingUrl = 'app://console/index.html'): boolean | undefined {
  let granted: boolean | undefined;
  createPermissionRequestHandler(policy)({}, permission, (answer) => (granted = answer), { requestingUrl });
  return granted;
}

describe('permission handler', () => {
  it('grants notifications to the console', () => {
    expect(request('notifications')).toBe(true);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'display-capture', 'openExternal', 'hid', 'serial', 'usb', 'midiSysex', 'pointerLock', 'fullscreen', 'unknown'])(
    'denies %s',
    (permission) => {
      expect(request(permission)).toBe(false);
    },
  );

  it('denies even a listed permission to a foreign origin', () => {
    expect(request('notifications', 'https://evil.example.com/')).toBe(false);
    expect(request('notifications', 'file:///tmp/x.html')).toBe(false);
  });

  it('permission checks follow the same rule', () => {
    const check = createPermissionCheckHandler(policy);
    expect(check(null, 'notifications', 'app://console')).toBe(true);
    expect(check(null, 'media', 'app://console')).toBe(false);
    expect(check(null, 'notifications', 'https://evil.example.com')).toBe(false);
  });
});
