/**
 * Unfenced Kubernetes manifests in free-form notes: a block from a column-0 `apiVersion:`/`kind:` line to the
 * next line that cannot be YAML. Markdown would otherwise shred it into term-definition and list cards.
 */
const TOP_KEYS =
  /^(apiVersion|kind|metadata|spec|data|stringData|binaryData|immutable|type|rules|subjects|roleRef|items|status|webhooks|provisioner|parameters|handler|scheduling|overhead|reclaimPolicy|volumeBindingMode|allowVolumeExpansion|template|secrets|imagePullSecrets|automountServiceAccountToken):(\s|$)/;

export type Block = { start: number; end: number; text: string };

export function isManifestText(text: string): boolean {
  return /^apiVersion:\s*\S/m.test(text) && /^kind:\s*\S/m.test(text);
}

function continues(line: string): boolean {
  return (
    /^\s+\S/.test(line) ||
    TOP_KEYS.test(line) ||
    line.trim() === '---' ||
    (/^\s*#/.test(line) && /^\s/.test(line))
  );
}

/** Returns [start, end) line ranges (0-based) of unfenced manifests among lines not already claimed. */
export function findUnfencedManifests(lines: string[], claimed: boolean[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    if (claimed[i] || !/^\s*(apiVersion|kind):\s*\S/.test(lines[i]!)) {
      i++;
      continue;
    }
    const indent = /^\s*/.exec(lines[i]!)![0].length;
    if (indent > 0) {
      // Indented under a text line, a list item or `ex)`: the block is the lines indented at least as deep.
      const found = indentedManifest(lines, claimed, i, indent);
      if (found) {
        blocks.push(found);
        i = found.end;
      } else i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    while (end < lines.length && !claimed[end]) {
      const line = lines[end]!;
      if (line.trim() === '') {
        // A blank line stays inside only when YAML goes on after it.
        let next = end + 1;
        while (next < lines.length && lines[next]!.trim() === '') next++;
        if (next < lines.length && !claimed[next] && /^\s+\S|^---\s*$/.test(lines[next]!)) {
          end = next;
          continue;
        }
        break;
      }
      if (!continues(line)) break;
      end++;
    }
    // Drop a trailing document separator.
    let last = end;
    while (last > start && (lines[last - 1]!.trim() === '---' || lines[last - 1]!.trim() === '')) last--;
    const text = lines.slice(start, last).join('\n');
    if (isManifestText(text)) blocks.push({ start, end, text });
    i = end;
  }
  return blocks;
}

function indentedManifest(lines: string[], claimed: boolean[], start: number, indent: number): Block | null {
  let end = start + 1;
  while (end < lines.length && !claimed[end]) {
    const line = lines[end]!;
    const depth = /^\s*/.exec(line)![0].length;
    if (line.trim() === '') {
      let next = end + 1;
      while (next < lines.length && lines[next]!.trim() === '') next++;
      if (next < lines.length && !claimed[next] && /^\s*/.exec(lines[next]!)![0].length > indent) {
        end = next;
        continue;
      }
      break;
    }
    if (depth < indent || (depth === indent && !/^\s*[\w.-]+:(\s|$)|^\s*---\s*$/.test(line))) break;
    end++;
  }
  const text = lines
    .slice(start, end)
    .map((l) => l.slice(Math.min(indent, /^\s*/.exec(l)![0].length)))
    .join('\n')
    .replace(/\n+$/, '');
  return isManifestText(text) ? { start, end, text } : null;
}

/** The `kind` and `metadata.name` of one manifest document, as written. */
export function manifestIdentity(doc: string): { kind?: string; name?: string } {
  const kind = /^kind:\s*["']?([\w.-]+)/m.exec(doc)?.[1];
  const name = /^metadata:\s*\n(?:\s+.*\n)*?\s+name:\s*["']?([\w.-]+)/m.exec(doc)?.[1];
  return { kind, name };
}

/** "Service web", "Deployment api + Service api" — what the learner is asked to write. */
export function describeManifest(text: string): string {
  const docs = documents(text);
  const names: string[] = [];
  for (const doc of docs) {
    const { kind, name } = manifestIdentity(doc);
    if (!kind) continue;
    names.push(name ? `${kind} ${name}` : kind);
  }
  return names.join(' + ');
}

/** Documents of a manifest block: split at `---`, and at a second column-0 `apiVersion:` written without one. */
export function documents(text: string): string[] {
  return text.split(/^---\s*$/m).flatMap((doc) => {
    const starts = [...doc.matchAll(/^apiVersion:/gm)].map((m) => m.index);
    if (starts.length < 2) return [doc];
    // Comment lines just above the next apiVersion ("# Ingress") belong to the next document.
    return starts.map((s, k) => doc.slice(k === 0 ? 0 : s, starts[k + 1] ?? doc.length));
  });
}

/** `kind` → `apiVersion` of each document, for the card that asks which API group a kind lives in. */
export function manifestApiVersions(text: string): { kind: string; apiVersion: string; name?: string }[] {
  const out: { kind: string; apiVersion: string; name?: string }[] = [];
  for (const doc of documents(text)) {
    const { kind, name } = manifestIdentity(doc);
    const apiVersion = /^apiVersion:\s*["']?([\w./-]+)/m.exec(doc)?.[1];
    if (kind && apiVersion && !out.some((o) => o.kind === kind))
      out.push({ kind, apiVersion, ...(name ? { name } : {}) });
  }
  return out;
}
