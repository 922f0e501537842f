import { type MouseEvent, useMemo } from 'react';
import { isSafeExternal, renderMarkdown } from '../markdown.ts';

/** Card and task text. The HTML comes from markdown-it with raw HTML disabled, so it is safe to inject. */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const a = (e.target as HTMLElement).closest('a');
    if (!a) return;
    const href = a.getAttribute('href') ?? '';
    // Non-https links never navigate; https ones go to a new window (Electron hands those to the system browser).
    if (!isSafeExternal(href)) e.preventDefault();
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: only intercepts link clicks
    <div
      className={`md ${className ?? ''}`}
      onClick={onClick}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: markdown-it output with html: false
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
