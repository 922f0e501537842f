import type { md } from './markdown.ts';

type Token = ReturnType<typeof md.parse>[number];

/** markdown-it's flat token stream folded into the few block shapes the card rules care about. */
export type Block =
  | { t: 'heading'; level: number; text: string; line: number }
  | { t: 'para'; lines: { text: string; line: number }[] }
  | { t: 'list'; items: Item[] }
  | { t: 'table'; line: number; header: string[]; rows: { line: number; cells: string[] }[] }
  | { t: 'break' };
export type Item = { line: number; blocks: Block[] };

export function buildTree(tokens: Token[]): Block[] {
  return readBlocks({ tokens, i: 0 }, null);
}

/** Where the fold is in the token stream. A module function over this, not a closure: tsx names each closure. */
type Reader = { tokens: Token[]; i: number };

function readBlocks(r: Reader, until: string | null): Block[] {
  const tokens = r.tokens;
  let i = r.i;
  const out: Block[] = [];
  while (i < tokens.length) {
    const tok = tokens[i]!;
    if (until && tok.type === until) {
      r.i = i + 1;
      return out;
    }
    i++;
    switch (tok.type) {
      case 'heading_open': {
        const inline = tokens[i]!;
        out.push({
          t: 'heading',
          level: Number(tok.tag.slice(1)),
          text: inline.content,
          line: (tok.map?.[0] ?? 0) + 1,
        });
        i += 2;
        break;
      }
      case 'paragraph_open': {
        const inline = tokens[i]!;
        const first = (tok.map?.[0] ?? 0) + 1;
        // Most paragraphs (every list item's) are one line: no split for them.
        const content = inline.content;
        const texts = content.includes('\n') ? content.split('\n') : [content];
        const lines: { text: string; line: number }[] = new Array(texts.length);
        // `kind: Service \` over the next line: a backslash ending a line is a hard line break (CommonMark), not text.
        for (let k = 0; k < texts.length; k++) {
          const text = texts[k]!;
          lines[k] = {
            text: k < texts.length - 1 && text.endsWith('\\') ? text.slice(0, -1).trimEnd() : text,
            line: first + k,
          };
        }
        out.push({ t: 'para', lines });
        i += 2;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const close = tok.type === 'bullet_list_open' ? 'bullet_list_close' : 'ordered_list_close';
        const items: Item[] = [];
        while (i < tokens.length && tokens[i]!.type !== close) {
          const itemTok = tokens[i]!;
          i++;
          if (itemTok.type === 'list_item_open') {
            r.i = i;
            const blocks = readBlocks(r, 'list_item_close');
            i = r.i;
            items.push({ line: (itemTok.map?.[0] ?? 0) + 1, blocks });
          }
        }
        i++;
        out.push({ t: 'list', items });
        break;
      }
      case 'blockquote_open':
        // Quoted notes are still notes: read their content as if unquoted.
        r.i = i;
        out.push(...readBlocks(r, 'blockquote_close'));
        i = r.i;
        break;
      case 'table_open': {
        const table: Extract<Block, { t: 'table' }> = {
          t: 'table',
          line: (tok.map?.[0] ?? 0) + 1,
          header: [],
          rows: [],
        };
        let row: string[] | null = null;
        let inHead = false;
        while (i < tokens.length && tokens[i]!.type !== 'table_close') {
          const t = tokens[i]!;
          if (t.type === 'thead_open') inHead = true;
          else if (t.type === 'thead_close') inHead = false;
          else if (t.type === 'tr_open') {
            row = [];
            if (!inHead) table.rows.push({ line: (t.map?.[0] ?? 0) + 1, cells: row });
          } else if (t.type === 'inline' && row) row.push(t.content.trim());
          else if (t.type === 'tr_close' && inHead && row) table.header = row;
          i++;
        }
        i++;
        out.push(table);
        break;
      }
      case 'hr':
      case 'fence':
      case 'code_block':
      case 'html_block':
        out.push({ t: 'break' });
        break;
      default:
        break;
    }
  }
  r.i = i;
  return out;
}
