/**
 * Fields of a manifest asked in place: the manifest is shown with one value hidden (`pathType: [...]` → Prefix), or
 * with the few lines under a key hidden (`allowedRoutes:` → `namespaces: from: Same`). Only what a learner must
 * recall when writing the object by hand is asked: enum-like values, numbers, paths and small blocks holding them;
 * names, labels and metadata are free choices and never asked. Indentation-based, so a manifest with a typo still
 * gives its cards.
 */
export type FieldCloze = { prompt: string; answer: string };

// Free choices of the writer, or asked elsewhere (apiVersion has its own card).
export const SKIP_KEYS =
  /^(?:apiVersion|kind|metadata|name|namespace|generateName|labels|annotations|matchLabels|image|command|args|env|data|stringData|hostname|hostnames|host|secretName|serviceName|ingressClassName|gatewayClassName|sectionName|uid|resourceVersion|creationTimestamp|template|containers|initContainers|volumes|volumeMounts|status)$/;
const ASKED_VALUE = /^(?:\d+|[A-Z][A-Za-z0-9]+|true|false|\/\S*|\d+(?:\.\d+){3}(?:\/\d+)?)$/;
// Keys whose lower-case value is still one of a fixed set (`mode: ipvs`, `scheduler: rr`, `dnsPolicy: ...`).
const ENUM_KEY = /^(?:mode|scheduler|strategy|protocol|scheme)$|(?:Policy|Type|Mode)$/;
const asked = (key: string, value: string) =>
  ASKED_VALUE.test(value) || (ENUM_KEY.test(key) && /^[a-z][\w.-]{0,30}$/.test(value));
const MAX_BLOCK_LINES = 3;
const MAX_PROMPT = 600;

/**
 * One manifest line: `raw` is where its text starts (the dash of `- key:`), `indent` the column of its key (past
 * the dash), `item` whether it opens a list item.
 */
export type YamlLine = {
  text: string;
  raw: number;
  indent: number;
  key: string | null;
  value: string;
  item: boolean;
};

export function yamlLine(text: string): YamlLine {
  const raw = /^\s*/.exec(text)![0].length;
  const item = text.startsWith('- ', raw);
  const m = /^\s*(- )?([\w.-]+):(?:\s+(.*?))?\s*(?:#.*)?$/.exec(text);
  if (!m) return { text, raw, indent: raw, key: null, value: '', item };
  const value = (m[3] ?? '').replace(/^["']|["']$/g, '');
  return { text, raw, indent: raw + (m[1] ? 2 : 0), key: m[2]!, value, item };
}

/** End (exclusive) of the lines under line `i`, blank lines after them left out. */
export function blockEnd(lines: YamlLine[], i: number): number {
  const col = lines[i]!.indent;
  let j = i + 1;
  for (; j < lines.length; j++) {
    const l = lines[j]!;
    if (!l.text.trim()) continue;
    // Deeper lines are the key's value, and so is `- item` starting at the key's own column.
    if (l.raw > col || (l.raw === col && l.item)) continue;
    break;
  }
  while (j > i + 1 && !lines[j - 1]!.text.trim()) j--;
  return j;
}

export function manifestFieldClozes(doc: string): FieldCloze[] {
  const raw = doc.replace(/\s+$/, '').split('\n');
  const lines = raw.map(yamlLine);
  const out: FieldCloze[] = [];
  const hasSpec = lines.some((l) => l.indent === 0 && l.key === 'spec');
  let coveredUntil = -1;
  let skipUntil = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.key || i < skipUntil) continue;
    // Top-level fields are the object's own only in a config kind without `spec` (KubeProxyConfiguration).
    if (SKIP_KEYS.test(l.key) || (l.indent === 0 && l.key !== 'spec' && hasSpec)) {
      if (!l.value) skipUntil = blockEnd(lines, i);
      continue;
    }
    if (i < coveredUntil) continue;
    if (l.value) {
      if ((l.indent === 0 && hasSpec) || !asked(l.key, l.value)) continue;
      // The blank takes the value's place (quotes and all); a comment on that line may give it away, so it goes.
      const head = /^(\s*(?:- )?[\w.-]+:\s*)/.exec(raw[i]!)![1]!;
      const shown = [...raw];
      shown[i] = `${head}[...]`;
      push(out, shown, i, l.value);
      continue;
    }
    const end = blockEnd(lines, i);
    const body = raw.slice(i + 1, end).filter((x) => x.trim());
    if (body.length < 2 || body.length > MAX_BLOCK_LINES || (l.indent === 0 && hasSpec)) continue;
    // A block is asked when it holds a value worth recalling: `port: 80`, or a list of them (`- Ingress`).
    const holds = (x: YamlLine) =>
      x.key
        ? x.value !== '' && asked(x.key, x.value)
        : x.item && ASKED_VALUE.test(x.text.trim().slice(2).trim());
    if (!lines.slice(i + 1, end).some(holds)) continue;
    const lead = body.map((x) => /^\s*/.exec(x)![0]).reduce((a, b) => (b.length < a.length ? b : a));
    const answer = body.map((x) => x.slice(lead.length)).join('\n');
    const shown = [...raw.slice(0, i + 1), `${lead}[...]`, ...raw.slice(end)];
    push(out, shown, i, answer);
    coveredUntil = end;
  }
  return out;
}

function push(out: FieldCloze[], shown: string[], at: number, answer: string): void {
  let prompt = shown.join('\n');
  // A long manifest is shown from `kind:` and the lines around the blank, so the card stays readable.
  if (prompt.length > MAX_PROMPT) {
    const kind = shown.find((x) => /^kind:/.test(x)) ?? '';
    const from = Math.max(0, at - 6);
    prompt = [kind, '...', ...shown.slice(from, at + 7)].join('\n');
  }
  if (prompt.length <= MAX_PROMPT) out.push({ prompt, answer });
}
