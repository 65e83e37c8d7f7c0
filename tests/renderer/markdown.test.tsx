// Markdown from tickets and articles: formatted, stripped of anything that could run, and kb: links open
// the article in the knowledge-base pane.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useKbStore } from '../../renderer/kb/kb-store';
import { Markdown, renderMarkdown } from '../../renderer/markdown/Markdown';

describe('Markdown', () => {
  it('renders headings, lists and links', () => {
    render(<Markdown source={'# Tiskárna\n\n1. Zapněte ji\n2. [Návod](https://example.com/navod)'} />);
    expect(screen.getByRole('heading', { name: 'Tiskárna' })).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Návod' }).getAttribute('href')).toBe('https://example.com/navod');
  });

  it('drops scripts, event handlers and javascript: links', () => {
    const html = renderMarkdown('<script>window.hacked = 1</script><img src="x" onerror="window.hacked = 2"><iframe src="https://evil.example"></iframe>\n\n[click](javascript:alert(1))');
    expect(html).not.toMatch(/<script|onerror|<iframe/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('click');
    render(<Markdown source={'<img src=x onerror="window.hacked = 3">'} />);
    expect((window as { hacked?: number }).hacked).toBeUndefined();
  });

  it('a kb: link opens the article in the knowledge-base pane', () => {
    render(<Markdown source={'See [Tiskárna netiskne](kb:0190c6a2-0000-7000-8000-000000000001)'} />);
    fireEvent.click(screen.getByRole('link', { name: 'Tiskárna netiskne' }));
    expect(useKbStore.getState().view).toEqual({ kind: 'article', id: '0190c6a2-0000-7000-8000-000000000001' });
  });
});
