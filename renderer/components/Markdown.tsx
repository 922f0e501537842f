import { type MouseEvent, useEffect, useMemo, useRef } from 'react';
import { call } from '../api/client.ts';
import { isSafeExternal, renderCloze, renderMarkdown } from '../markdown.ts';

/**
 * Card and task text. The HTML comes from markdown-it with raw HTML disabled, so it is safe to inject. With `cardId`,
 * images the note names are fetched through the core; with `cloze`, the first `[...]` is drawn as the card's gap
 * (filled in with `cloze.answer` once the answer is shown).
 */
export function Markdown({
  text,
  className,
  cardId,
  cloze,
}: {
  text: string;
  className?: string;
  cardId?: string;
  cloze?: { answer: string | null };
}) {
  const clozeAnswer = cloze === undefined ? undefined : cloze.answer;
  const html = useMemo(
    () => (clozeAnswer === undefined ? renderMarkdown(text) : renderCloze(text, clozeAnswer)),
    [text, clozeAnswer],
  );
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again whenever new HTML (new <img>s) is in the DOM
  useEffect(() => {
    if (!cardId || !ref.current) return;
    let live = true;
    for (const img of ref.current.querySelectorAll<HTMLImageElement>('img[data-src]')) {
      const src = img.dataset.src ?? '';
      call('media/image', { cardId, src }).then(
        (r) => {
          if (live) img.src = r.dataUrl;
        },
        () => {
          if (live)
            img.replaceWith(
              Object.assign(document.createElement('span'), {
                className: 'img-missing',
                textContent: `🖼 ${img.alt || src}`,
              }),
            );
        },
      );
    }
    return () => {
      live = false;
    };
  }, [cardId, html]);
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
      ref={ref}
      className={`md ${className ?? ''}`}
      onClick={onClick}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: markdown-it output with html: false
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
