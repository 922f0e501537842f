/** `npm run bench [name...]`: runs the named benchmarks (all when none is named). Not a test: it prints numbers. */
const BENCHES: Record<string, () => Promise<void>> = {
  import: async () => (await import('./import.ts')).benchImport(),
  review: async () => (await import('./review.ts')).benchReview(),
  grade: async () => (await import('./grade.ts')).benchGrade(),
  cli: async () => (await import('./cli.ts')).benchCli(),
  interop: async () => (await import('./interop.ts')).benchInterop(),
  anki: async () => (await import('./anki.ts')).benchAnki(),
  faults: async () => (await import('./faults.ts')).benchFaults(),
  ui: async () => (await import('./ui.ts')).benchUi(),
};

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!BENCHES[name]) {
    console.error(`unknown benchmark "${name}"; choose from: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
}
// The fault trials take minutes and fill the machine; they run only when named (`npm run bench faults`).
const ON_REQUEST = new Set(['faults']);
for (const name of wanted.length ? wanted : Object.keys(BENCHES).filter((n) => !ON_REQUEST.has(n))) {
  console.log(`\n== bench ${name} ==`);
  await BENCHES[name]!();
}
