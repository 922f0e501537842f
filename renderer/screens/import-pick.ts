import { bridge } from '../api/client.ts';

/** What the learner chose to import: texts read in the browser, or paths the desktop app can read itself. */
export type Picked =
  | {
      kind: 'upload';
      /** The picked folder's name (so the same folder uploaded again is a re-import), null for loose files. */
      root: string | null;
      files: { path: string; text: string }[];
      /** Not Markdown, or over the size limit: named in the preview, never sent. */
      ignored: string[];
    }
  | { kind: 'paths'; paths: string[] };

const NOTE = /\.(md|markdown)$/i;
/** The core refuses notes over 5 MB anyway; leaving them here saves sending them. */
const MAX_NOTE_BYTES = 5 * 1024 * 1024;
const MAX_TOTAL_BYTES = 60 * 1024 * 1024;

type Found = { path: string; file: File };

async function readAll(found: Found[], root: string | null): Promise<Picked> {
  const files: { path: string; text: string }[] = [];
  const ignored: string[] = [];
  let total = 0;
  for (const f of found.sort((a, b) => a.path.localeCompare(b.path))) {
    if (!NOTE.test(f.path) || f.file.size > MAX_NOTE_BYTES || total + f.file.size > MAX_TOTAL_BYTES) {
      ignored.push(f.path);
      continue;
    }
    total += f.file.size;
    files.push({ path: f.path, text: await f.file.text() });
  }
  return { kind: 'upload', root, files, ignored };
}

/** From `<input type="file">`: a folder input gives `root/sub/x.md` relative paths. */
export function fromFileList(list: FileList): Promise<Picked> {
  const all = [...list];
  const rel = all.map((f) => f.webkitRelativePath);
  if (rel.length > 0 && rel.every((r) => r.includes('/'))) {
    const root = rel[0]!.split('/')[0]!;
    return readAll(
      all.map((file, i) => ({ file, path: rel[i]!.split('/').slice(1).join('/') })),
      root,
    );
  }
  return readAll(
    all.map((file) => ({ file, path: file.name })),
    null,
  );
}

function entryFile(e: FileSystemFileEntry): Promise<File> {
  return new Promise((ok, bad) => e.file(ok, bad));
}

async function walk(dir: FileSystemDirectoryEntry, prefix: string, out: Found[]): Promise<void> {
  const reader = dir.createReader();
  // readEntries answers in batches; an empty batch means the folder is done.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((ok, bad) => reader.readEntries(ok, bad));
    if (batch.length === 0) return;
    for (const e of batch) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const path = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory) await walk(e as FileSystemDirectoryEntry, path, out);
      else if (e.isFile) out.push({ path, file: await entryFile(e as FileSystemFileEntry) });
    }
  }
}

/**
 * Reads a drop. The entries must be taken while the drop event runs (the browser empties the DataTransfer after),
 * so this is called synchronously from the handler and reads the files afterwards.
 */
export function readDrop(dt: DataTransfer): Promise<Picked> | null {
  const b = bridge();
  if (b?.pathForFile) {
    const paths = [...dt.files].map((f) => b.pathForFile!(f)).filter(Boolean);
    return paths.length ? Promise.resolve({ kind: 'paths', paths }) : null;
  }
  const entries = [...dt.items]
    .filter((i) => i.kind === 'file')
    .map((i) => i.webkitGetAsEntry())
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) {
    // Files handed over without entries (some platforms, scripted drops): read them as loose files.
    const files = [...dt.files];
    return files.length
      ? readAll(
          files.map((file) => ({ file, path: file.name })),
          null,
        )
      : null;
  }
  return (async () => {
    const found: Found[] = [];
    const single =
      entries.length === 1 && entries[0]!.isDirectory ? (entries[0] as FileSystemDirectoryEntry) : null;
    if (single) await walk(single, '', found);
    else
      for (const e of entries) {
        if (e.isDirectory) await walk(e as FileSystemDirectoryEntry, e.name, found);
        else if (e.isFile) found.push({ path: e.name, file: await entryFile(e as FileSystemFileEntry) });
      }
    return readAll(found, single ? single.name : null);
  })();
}

/** A drop anywhere on the window hands its notes to the Import screen, which may not be showing yet. */
let pending: Promise<Picked> | null = null;
const listeners = new Set<(p: Promise<Picked>) => void>();
export function offerPick(p: Promise<Picked>): void {
  if (listeners.size === 0) pending = p;
  for (const l of listeners) l(p);
}
export function onPick(l: (p: Promise<Picked>) => void): () => void {
  listeners.add(l);
  if (pending) {
    const p = pending;
    pending = null;
    l(p);
  }
  return () => listeners.delete(l);
}
