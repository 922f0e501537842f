/** A card's answer in the Import preview and the Suggestions list: a manifest, a command list or a bullet list keeps its lines. */
export function PreviewAnswer({ text }: { text: string }) {
  return <span className={text.includes('\n') ? 'p-answer p-lines' : 'p-answer'}>{text}</span>;
}
