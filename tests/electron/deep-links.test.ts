// switchboard:// deep links and the single-instance hand-off.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createDeepLinkRouter, findDeepLink, parseDeepLink } from '../../electron/main/desktop/deep-links';
import type { DeepLink } from '../../electron/main/desktop/deep-links';
import { claimSingleInstance } from '../../electron/main/desktop/single-instance';
import { electronEvent } from './helpers/fakes';

describe('deep links', () => {
  it.each([
    ['switchboard://ticket/SD-1042', 'SD-1042'],
    ['switchboard://ticket/HD-2231/', 'HD-2231'],
    ['SWITCHBOARD://ticket/sd-7', 'SD-7'],
  ])('%s opens %s', (url, ticketKey) => {
    expect(parseDeepLink(url)).toEqual({ ticketKey });
  });

  it.each([
    ['another host', 'switchboard://settings/SD-1042'],
    ['a look-alike host', 'switchboard://ticket.evil.com/SD-1042'],
    ['credentials', 'switchboard://user@ticket/SD-1042'],
    ['traversal', 'switchboard://ticket/../../etc/passwd'],
    ['encoded traversal', 'switchboard://ticket/%2e%2e/SD-1042'],
    ['extra segment', 'switchboard://ticket/SD-1042/delete'],
    ['query', 'switchboard://ticket/SD-1042?action=close'],
    ['fragment', 'switchboard://ticket/SD-1042#x'],
    ['script', 'switchboard://ticket/<script>alert(1)</script>'],
    ['zero ticket number', 'switchboard://ticket/SD-0'],
    ['huge number', 'switchboard://ticket/SD-12345678901234'],
    ['huge string', `switchboard://ticket/SD-1042${'/'.repeat(100_000)}`],
    ['another scheme', 'https://ticket/SD-1042'],
    ['not a string', { href: 'switchboard://ticket/SD-1042' }],
    ['newline injection', 'switchboard://ticket/SD-1042\n--inspect'],
  ])('ignores %s', (_name, url) => {
    expect(parseDeepLink(url)).toBeNull();
  });

  it('finds the link among a launch’s arguments and ignores everything else', () => {
    expect(findDeepLink(['/opt/Switchboard/switchboard', '--no-sandbox', 'switchboard://ticket/SD-1042'])).toEqual({ ticketKey: 'SD-1042' });
    expect(findDeepLink(['/opt/Switchboard/switchboard', '--inspect=9229', 'https://evil.example.com'])).toBeNull();
    expect(findDeepLink(['switchboard', 'switchboard://evil/SD-1'])).toBeNull();
  });

  it('a link that arrives before the console is ready is delivered once it is (only the latest)', () => {
    const delivered: DeepLink[] = [];
    const router = createDeepLinkRouter((link) => delivered.push(link));
    router.open({ ticketKey: 'SD-1' });
    router.open({ ticketKey: 'SD-2' });
    router.open(null);
    expect(delivered).toEqual([]);
    router.ready();
    router.open({ ticketKey: 'HD-3' });
    expect(delivered).toEqual([{ ticketKey: 'SD-2' }, { ticketKey: 'HD-3' }]);
  });
});

describe('single instance', () => {
  function fakeApp(gotLock: boolean) {
    return Object.assign(new EventEmitter(), { requestSingleInstanceLock: () => gotLock, quit: vi.fn() });
  }

  it('a second launch forwards its link to the running instance and focuses it', () => {
    const app = fakeApp(true);
    const opened: Array<DeepLink | null> = [];
    const focus = vi.fn();
    expect(claimSingleInstance(app, { focus, openLink: (link) => opened.push(link), parseUrl: parseDeepLink })).toBe(true);
    app.emit('second-instance', {}, ['/opt/Switchboard/switchboard', 'switchboard://ticket/SD-1042'], '/home/eva');
    app.emit('second-instance', {}, ['/opt/Switchboard/switchboard', 'switchboard://ticket/../../x'], '/home/eva');
    expect(opened).toEqual([{ ticketKey: 'SD-1042' }, null]);
    expect(focus).toHaveBeenCalledTimes(2);
  });

  it('macOS open-url links are handled the same way', () => {
    const app = fakeApp(true);
    const opened: Array<DeepLink | null> = [];
    claimSingleInstance(app, { focus: () => {}, openLink: (link) => opened.push(link), parseUrl: parseDeepLink });
    const event = electronEvent();
    app.emit('open-url', event, 'switchboard://ticket/HD-2231');
    expect(opened).toEqual([{ ticketKey: 'HD-2231' }]);
    expect(event.defaultPrevented).toBe(true);
  });

  it('the second instance itself quits without opening anything', () => {
    const app = fakeApp(false);
    const openLink = vi.fn();
    expect(claimSingleInstance(app, { focus: () => {}, openLink, parseUrl: parseDeepLink })).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});
