// openExternal hands only plain http(s) links to the system.
import { describe, expect, it } from 'vitest';
import { checkExternalUrl, openExternal } from '../../electron/main/security/open-external';

async function attempt(url: unknown) {
  const opened: string[] = [];
  const result = await openExternal(url, async (checked) => {
    opened.push(checked);
  });
  return { result, opened };
}

describe('openExternal', () => {
  it('passes https and http links through to the opener', async () => {
    expect(await attempt('https://kb.example.com/articles/42?lang=cs#steps')).toEqual({
      result: true,
      opened: ['https://kb.example.com/articles/42?lang=cs#steps'],
    });
    expect((await attempt('http://intranet.example.com/')).opened).toEqual(['http://intranet.example.com/']);
  });

  it.each([
    ['file:', 'file:///etc/passwd'],
    ['file: on Windows', 'file:///C:/Windows/System32/cmd.exe'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['javascript: with case and spaces', ' JavaScript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['custom scheme (own)', 'switchboard://ticket/SD-1'],
    ['smb', 'smb://fileserver/share'],
    ['UNC path', '\\\\attacker.example.com\\share\\payload.exe'],
    ['UNC-like with forward slashes', '//attacker.example.com/share'],
    ['backslash inside an http URL', 'https:\\\\attacker.example.com\\share'],
    ['credentials in the URL', 'https://user:pass@bank.example.com/'],
    ['control characters', 'https://example.com/\u0000evil'],
    ['too long', `https://example.com/${'a'.repeat(5000)}`],
    ['not a string', { toString: (): string => 'https://example.com' }],
  ])('refuses %s', async (_name, url) => {
    expect(await attempt(url)).toEqual({ result: false, opened: [] });
  });

  it('opens the normalized form, not the raw text', () => {
    expect(checkExternalUrl('HTTPS://KB.Example.com/a/../b')).toBe('https://kb.example.com/b');
  });
});
