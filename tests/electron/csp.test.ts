// The Content-Security-Policy, parsed directive by directive.
import { describe, expect, it } from 'vitest';
import { buildCsp } from '../../electron/main/security/csp';

function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name), `directive ${name} appears twice`).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

const allSources = (csp: Map<string, string[]>) => [...csp.values()].flat();

describe('Content-Security-Policy', () => {
  const csp = parseCsp(buildCsp({ serverUrl: 'https://desk.example.com:8443/api' }));

  it('connects only to the configured server origin', () => {
    expect(csp.get('connect-src')).toEqual(['https://desk.example.com:8443']);
  });

  it('denies by default and loads scripts only from the app itself', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('never allows eval, inline scripts or a wildcard anywhere', () => {
    const sources = allSources(csp);
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources.some((source) => source.includes('*'))).toBe(false);
    expect(sources).not.toContain('http:');
    expect(sources).not.toContain('https:');
  });

  it('fails closed when the server URL is not a valid http(s) URL', () => {
    for (const serverUrl of ['*', 'https://*.example.com', 'javascript:alert(1)', "https://a.example.com; script-src 'unsafe-eval'", '']) {
      const parsed = parseCsp(buildCsp({ serverUrl }));
      expect(parsed.get('connect-src'), serverUrl).toEqual(["'none'"]);
      expect(allSources(parsed)).not.toContain("'unsafe-eval'");
    }
  });

  it('a dev server adds only its own origin and HMR socket, still without eval or wildcards', () => {
    const dev = parseCsp(buildCsp({ serverUrl: 'http://127.0.0.1:4010', devServerOrigin: 'http://localhost:5173' }));
    expect(dev.get('connect-src')).toEqual(['http://127.0.0.1:4010', 'http://localhost:5173', 'ws://localhost:5173']);
    expect(dev.get('script-src')).toContain('http://localhost:5173');
    expect(allSources(dev)).not.toContain("'unsafe-eval'");
    expect(allSources(dev).some((source) => source.includes('*'))).toBe(false);
  });
});
