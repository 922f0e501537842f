import type { LineCard } from './explicit.ts';

/**
 * A table gives a card per row and column, with the header naming what is asked: "kube-scheduler: Port" →
 * 10259. The first column is the key. A value that is a number, a port range or a short name is also asked the
 * other way ("Port 10259" → kube-scheduler). Two-column tables are term → definition.
 */
export type TableCard = LineCard & { line: number; sibling: string };

const strip = (s: string) => s.replace(/\*\*/g, '').trim();
const EMPTY = /^(?:|-|—|–|n\/a|none|any|\?|x|✗|o|✓)$/i;
// A key in backticks that starts with a command, or a bare kubectl/ip/… command line.
const COMMAND_KEY =
  /^`?(?:kubectl|k|kubeadm|ip|ss|iptables|ipvsadm|crictl|nslookup|dig|curl|wget|helm|etcdctl|systemctl|journalctl|netstat|tcpdump|arp|route|sysctl|nc|ping|traceroute)\s/;
const SHORT_VALUE = /^(?:`[^`]+`|[\w./:<>-]+(?:\s*[-~–]\s*\d+)?)$/;

/**
 * "| Out-Of-The-Box | 3rd-Party | IPAM |" over columns of different lengths: side-by-side lists, not rows of one
 * thing. A column that runs out before the others (its empty cells all at the bottom) gives it away; a row's cells
 * then have nothing to do with each other ("BRIDGE: 3rd-Party → Weave" was junked as a fragment).
 */
function sideBySideLists(rows: { cells: string[] }[], cols: number): boolean {
  if (rows.length < 3) return false;
  for (let c = 0; c < cols; c++) {
    const filled = rows.map((r) => !EMPTY_CELL.test(strip(r.cells[c] ?? '')));
    const last = filled.lastIndexOf(true);
    if (last > 0 && last < rows.length - 1 && filled.slice(0, last + 1).every(Boolean)) return true;
  }
  return false;
}

const EMPTY_CELL = /^$/;
const MAX_LIST_ITEMS = 12;

export function tableCards(header: string[], rows: { line: number; cells: string[] }[]): TableCard[] {
  const cards: TableCard[] = [];
  const cols = Math.max(header.length, ...rows.map((r) => r.cells.length));
  if (cols < 2 || rows.length === 0) return cards;
  if (header.every((h) => strip(h)) && sideBySideLists(rows, cols)) {
    // Each column is asked as the list it is, under its header.
    for (let c = 0; c < cols; c++) {
      const items = rows.map((r) => strip(r.cells[c] ?? '')).filter((v) => v && !EMPTY.test(v));
      if (items.length < 2 || items.length > MAX_LIST_ITEMS) continue;
      const name = strip(header[c]!);
      cards.push({
        kind: 'list',
        rule: 'table',
        prompt: name,
        answer: items.map((v) => `- ${v}`).join('\n'),
        line: rows[0]!.line,
        sibling: `${name}\n${items.join('\n')}`,
      });
    }
    return cards;
  }
  for (const r of rows) {
    const key = strip(r.cells[0] ?? '');
    if (!key || EMPTY.test(key)) continue;
    const sibling = r.cells.join(' | ');
    if (cols === 2) {
      const def = strip(r.cells[1] ?? '');
      if (!def || EMPTY.test(def) || def === key) continue;
      cards.push({ kind: 'basic', rule: 'table', prompt: key, answer: def, line: r.line, sibling });
      // A command table is asked the other way too: what it does → the command, which is what an exam asks.
      if (COMMAND_KEY.test(key) && def.length <= 200 && !def.includes(key))
        cards.push({ kind: 'basic', rule: 'table', prompt: def, answer: key, line: r.line, sibling });
      continue;
    }
    for (let c = 1; c < cols; c++) {
      const value = strip(r.cells[c] ?? '');
      const name = strip(header[c] ?? '');
      if (!value || EMPTY.test(value) || value === key) continue;
      const prompt = name ? `${key}: ${name}` : key;
      cards.push({ kind: 'basic', rule: 'table', prompt, answer: value, line: r.line, sibling });
      // Unique short values (ports, ranges, names) are asked the other way too.
      const unique = rows.filter((o) => strip(o.cells[c] ?? '') === value).length === 1;
      if (name && unique && SHORT_VALUE.test(value) && value.length <= 40)
        cards.push({
          kind: 'basic',
          rule: 'table',
          prompt: `${name}: ${value}`,
          answer: key,
          line: r.line,
          sibling,
        });
    }
  }
  return cards;
}
