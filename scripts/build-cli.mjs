// Builds the `kubedeck` CLI (and the core it runs) into dist-cli/ with esbuild: one ESM entry, and a chunk per
// command and per handler domain that loads on first use, so a run transpiles nothing and loads only what its
// command needs. `npm install` (prepare), `npm start`, the tests' globalSetup and bin/kubedeck.mjs call it when the
// build is missing or older than its sources. This module loads esbuild only when a build is really needed.
// node:fs from the CommonJS side: an ESM import of it builds the facade explained at fsWithoutFacadePlugin, and bin
// runs this module on every start.
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } =
  process.getBuiltinModule('node:fs');

import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CLI_OUT_DIR = join(root, 'dist-cli');
export const CLI_ENTRY = join(CLI_OUT_DIR, 'kubedeck.js');
const STAMP = join(CLI_OUT_DIR, 'build.json');
/** Which sources each output file holds (tests read it to prove what a command loads). */
export const CLI_CHUNKS = join(CLI_OUT_DIR, 'chunks.json');

// Native add-ons and what must resolve from node_modules at run time (dev tools loaded on demand, optional
// peers). Everything else is bundled: one file parses faster than hundreds of small modules.
const EXTERNAL = [
  'better-sqlite3',
  '@open-spaced-repetition/binding',
  'vite',
  'esbuild',
  'electron',
  'tsx',
  'react-devtools-core',
];

/**
 * Sources keep finding their files (migrations, bundled notes and exercises, the optimizer's worker, the built UI)
 * next to themselves: `import.meta.url` in our own code becomes the URL of the original source file, resolved
 * from wherever the chunk lands.
 */
const sourceUrlPlugin = (outdir) => ({
  name: 'source-url',
  setup(build) {
    build.onLoad({ filter: /\.(ts|tsx|mjs|js)$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(outdir, args.path).split(sep).join('/');
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`),
        loader: args.path.endsWith('.tsx') ? 'tsx' : args.path.endsWith('.ts') ? 'ts' : 'js',
      };
    });
  },
});

/**
 * zod re-exports all of its 60-odd message locales (`z.locales`, half of zod's code); Kubedeck's messages are its own
 * (ko + en) and zod keeps its default English, which it imports separately. Every command loads zod to check its
 * arguments, so the bundle gets an empty `z.locales` instead of parsing 370 KB on each start.
 */
const zodLocalesPlugin = {
  name: 'zod-without-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${sep}node_modules${sep}zod${sep}`)
        ? { path: 'zod-locales', namespace: 'empty' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * `import … from 'node:fs'` in an ES module makes Node build the module's ESM facade, which reads every lazy
 * property: fs.promises (and readline with it), the stream classes... about 4 ms of a 25 ms `node -e 0`. Our own
 * sources use only plain functions, so their imports are served from the CommonJS object instead. (A lazy property
 * imported by name would fail the build, not the run.)
 */
const fsWithoutFacadePlugin = {
  name: 'fs-without-esm-facade',
  setup(build) {
    build.onResolve({ filter: /^(node:)?fs$/ }, (args) =>
      args.importer.includes(`${sep}node_modules${sep}`) ? undefined : { path: 'fs', namespace: 'fs-cjs' },
    );
    build.onLoad({ filter: /.*/, namespace: 'fs-cjs' }, () => {
      const fs = process.getBuiltinModule('node:fs');
      const plain = Object.keys(fs).filter(
        (k) => /^[A-Za-z_$][\w$]*$/.test(k) && !Object.getOwnPropertyDescriptor(fs, k)?.get,
      );
      return {
        contents: `const fs = process.getBuiltinModule('node:fs');\nexport default fs;\nexport const { ${plain.join(', ')} } = fs;\n`,
        loader: 'js',
      };
    });
  },
};

/** Our own source files the last build read, and when it started; null when there is no build. */
function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return null;
  }
}

/** True when dist-cli/ holds a build newer than every source it was made from (about 100 stat calls). */
export function cliBuildIsFresh() {
  const stamp = readStamp();
  if (!stamp || !existsSync(CLI_ENTRY)) return false;
  for (const f of [...stamp.inputs, 'package-lock.json', 'scripts/build-cli.mjs']) {
    try {
      if (statSync(join(root, f)).mtimeMs > stamp.startedAt) return false;
    } catch {
      return false; // a source was removed or renamed
    }
  }
  return true;
}

// Files are written one by one through a rename, so a CLI started while another process rebuilds reads either
// the old or the new file, never half of one. Chunk names carry a content hash; old ones go after an hour.
function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

export async function buildCli() {
  const startedAt = Date.now();
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    // core.js: the same core for other hosts (Electron's utility process) without a TypeScript loader.
    // offthread.js: the worker that grades and imports off the request thread (core/offthread/worker.mjs).
    entryPoints: { kubedeck: 'cli/main.ts', core: 'core/app.ts', offthread: 'core/offthread/worker-main.ts' },
    outdir: CLI_OUT_DIR,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    jsx: 'automatic',
    external: EXTERNAL,
    // Node's own punycode is deprecated and warns on every run when bundled code requires it (ajv's formats do):
    // bundle the userland package of the same code instead (markdown-it already depends on it).
    alias: { punycode: 'punycode.js' },
    // Bundled CommonJS packages call require() for Node built-ins; ESM has none, so give the chunks one.
    banner: {
      js: "import { createRequire as __kdRequire } from 'node:module'; const require = __kdRequire(import.meta.url);",
    },
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins: [sourceUrlPlugin(CLI_OUT_DIR), zodLocalesPlugin, fsWithoutFacadePlugin],
  });
  const written = new Set();
  for (const file of result.outputFiles) {
    writeAtomically(file.path, file.contents);
    written.add(file.path);
  }
  for (const name of readdirSync(CLI_OUT_DIR)) {
    const p = join(CLI_OUT_DIR, name);
    if (name.endsWith('.js') && !written.has(p) && statSync(p).mtimeMs < startedAt - 3_600_000) rmSync(p);
  }
  const chunks = Object.fromEntries(
    Object.entries(result.metafile.outputs).map(([out, o]) => [out.split('/').pop(), Object.keys(o.inputs)]),
  );
  writeAtomically(CLI_CHUNKS, JSON.stringify(chunks));
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.includes('node_modules/') && !f.includes(':')) // not packages, not plugin-made modules
    .sort();
  writeAtomically(STAMP, `${JSON.stringify({ startedAt, inputs }, null, 1)}\n`);
  return { startedAt, inputs, outputs: [...written] };
}

/** Builds only when the build is missing or stale; returns whether it built. */
export async function ensureCliBuild() {
  if (cliBuildIsFresh()) return false;
  await buildCli();
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t = performance.now();
  const { outputs } = await buildCli();
  process.stderr.write(
    `built ${relative(root, CLI_OUT_DIR)}/ (${outputs.length} files) in ${Math.round(performance.now() - t)} ms\n`,
  );
}
