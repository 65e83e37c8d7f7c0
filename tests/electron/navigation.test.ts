// Navigation, redirects, new windows and <webview> attachment are blocked on every webContents.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { attachWebContentsGuards, installWebContentsGuards } from '../../electron/main/security/navigation';
import type { GuardableContents, NavigationPolicy } from '../../electron/main/security/navigation';
import { electronEvent, FakeWebContents } from './helpers/fakes';

function guarded() {
  const opened: string[] = [];
  const policy: NavigationPolicy = {
    trustedOrigins: new Set(['app://console']),
    openExternal: (url) => opened.push(url),
    log: () => {},
  };
  const contents = new FakeWebContents();
  attachWebContentsGuards(contents as unknown as GuardableContents, policy);
  return { contents, opened };
}

describe('navigation guards', () => {
  it('will-navigate to another origin is prevented; an http(s) link goes to the system browser instead', () => {
    const { contents, opened } = guarded();
    const event = electronEvent({ url: 'https://evil.example.com/login', isMainFrame: true });
    contents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(true);
    expect(opened).toEqual(['https://evil.example.com/login']);
  });

  it('will-navigate to file:, javascript: or a custom scheme is prevented and not handed out', () => {
    const { contents, opened } = guarded();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ms-settings:privacy', 'app://other/index.html']) {
      const event = electronEvent({ url, isMainFrame: true });
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented, url).toBe(true);
    }
    expect(opened).toEqual([]);
  });

  it('navigation within the console itself is allowed', () => {
    const { contents } = guarded();
    const event = electronEvent({ url: 'app://console/index.html#/tickets/SD-1042', isMainFrame: true });
    contents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(false);
  });

  it('will-redirect off the app origin is prevented, and never opened outside', () => {
    const { contents, opened } = guarded();
    const event = electronEvent({ url: 'https://phish.example.net/', isMainFrame: true });
    contents.emit('will-redirect', event, event.url);
    expect(event.defaultPrevented).toBe(true);
    expect(opened).toEqual([]);
  });

  it('a subframe navigating away is prevented', () => {
    const { contents, opened } = guarded();
    const event = electronEvent({ url: 'https://ads.example.com/', isMainFrame: false });
    contents.emit('will-frame-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(opened).toEqual([]);
  });

  it('every new window is denied; only http(s) links reach the system browser', () => {
    const { contents, opened } = guarded();
    const handler = contents.windowOpenHandler;
    if (handler === null) throw new Error('no window open handler installed');
    expect(handler({ url: 'https://kb.example.com/article/7' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://console/popup' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://kb.example.com/article/7']);
  });

  it('attaching a <webview> is prevented', () => {
    const { contents } = guarded();
    const event = electronEvent();
    contents.emit('will-attach-webview', event, { preload: '/tmp/x.js' }, { src: 'https://evil.example.com' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('guards every webContents the app creates, not just the console window', () => {
    const app = new EventEmitter();
    const log = vi.fn();
    installWebContentsGuards(app as never, { trustedOrigins: new Set(['app://console']), openExternal: () => {}, log });
    const later = new FakeWebContents(7);
    app.emit('web-contents-created', {}, later);
    const navigation = electronEvent({ url: 'https://evil.example.com/', isMainFrame: true });
    later.emit('will-navigate', navigation, navigation.url);
    const webview = electronEvent();
    later.emit('will-attach-webview', webview, {}, {});
    expect(navigation.defaultPrevented).toBe(true);
    expect(webview.defaultPrevented).toBe(true);
    expect(later.windowOpenHandler?.({ url: 'https://x.example.com' })).toEqual({ action: 'deny' });
  });
});
