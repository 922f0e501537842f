import type { CommandEntry } from '../command.ts';

const dir = { dir: { type: 'string' } } as const;
const deck = { deck: { type: 'string' } } as const;

/**
 * Every `kubedeck` subcommand: what --help and the argument parser need, and a `load` that imports its
 * implementation only when it runs, so `kubedeck decks` never pays for the grader or `grade` for the scheduler.
 * (An entry may also be a plain Command with `run`; it then loads with the CLI.)
 */
export const commands: CommandEntry[] = [
  {
    name: 'import',
    usage:
      'import <file|folder|.apkg|.csv|.json>... [--deck NAME] [--density fewer|standard|more] [--dry-run] [--json] | import --explain FILE:LINE',
    summary:
      "turn Markdown notes (and Anki packages, CSV, JSON backups) into cards, keeping every review; --explain says which rule made a line's cards",
    options: {
      ...deck,
      'dry-run': { type: 'boolean' },
      explain: { type: 'string' },
      density: { type: 'string' },
    },
    load: async () => (await import('./import.ts')).importCommand,
  },
  {
    name: 'cards',
    usage: 'cards [--deck NAME] [--json]',
    summary: 'list cards (a deck name also selects its sub-decks)',
    options: deck,
    load: async () => (await import('./cards.ts')).cardsCommand,
  },
  {
    name: 'decks',
    usage: 'decks [--json]',
    summary: 'list decks with card counts',
    load: async () => (await import('./cards.ts')).decksCommand,
  },
  {
    name: 'deck-limits',
    usage: 'deck-limits <deck> [--new N|global] [--reviews N|global] [--json]',
    summary: "set a deck's own new/review cards per day (they cap its share of every review session)",
    options: { new: { type: 'string' }, reviews: { type: 'string' } },
    load: async () => (await import('./deck-limits.ts')).deckLimitsCommand,
  },
  {
    name: 'serve',
    usage: 'serve [--port N] [--host 127.0.0.1] [--open]',
    summary: 'run the study UI in the browser (http://127.0.0.1 only unless --host says otherwise)',
    options: { port: { type: 'string' }, host: { type: 'string' }, open: { type: 'boolean' } },
    load: async () => (await import('./serve.ts')).serveCommand,
  },
];
commands.push(
  {
    name: 'review',
    usage: 'review [--deck NAME]',
    summary:
      'review in the terminal: space shows the answer, 1–4 rate, u undoes, t types the answer, q quits',
    options: deck,
    load: async () => (await import('./review.tsx')).reviewCommand,
  },
  {
    name: 'next',
    usage: 'next [--deck NAME] [--json]',
    summary: 'show the next card due, the counts left today and what each rating would schedule',
    options: deck,
    load: async () => (await import('./review-scripted.ts')).nextCommand,
  },
  {
    name: 'rate',
    usage: 'rate <cardId> <again|hard|good|easy> [--elapsed-ms N] [--early]',
    summary: 'answer a card (one transaction: schedule, review log, undo entry)',
    options: { 'elapsed-ms': { type: 'string' }, early: { type: 'boolean' } },
    load: async () => (await import('./review-scripted.ts')).rateCommand,
  },
  {
    name: 'undo',
    usage: 'undo [--json]',
    summary: 'take back the latest rating (repeat for more)',
    load: async () => (await import('./review-scripted.ts')).undoCommand,
  },
  {
    name: 'suspend',
    usage: 'suspend <cardId>',
    summary: 'never show a card until unsuspended',
    load: async () => (await import('./review-scripted.ts')).suspendCommand,
  },
  {
    name: 'unsuspend',
    usage: 'unsuspend <cardId>',
    summary: 'let a suspended card show again',
    load: async () => (await import('./review-scripted.ts')).unsuspendCommand,
  },
  {
    name: 'bury',
    usage: 'bury <cardId>',
    summary: 'hide a card until the next day starts',
    load: async () => (await import('./review-scripted.ts')).buryCommand,
  },
);
commands.push(
  {
    name: 'stats',
    usage: 'stats [--json]',
    summary: 'reviews per day, true retention, due forecast, card counts, memory averages',
    load: async () => (await import('./stats.ts')).statsCommand,
  },
  {
    name: 'optimize',
    usage: 'optimize [--dry-run] [--json]',
    summary: 'fit FSRS parameters to your review log (from 400 reviews); applied only if they predict better',
    options: { 'dry-run': { type: 'boolean' } },
    load: async () => (await import('./stats.ts')).optimizeCommand,
  },
  {
    name: 'settings',
    usage: 'settings [key value] [--json]',
    summary: 'show the scheduling settings, or set one (e.g. settings desiredRetention 0.85)',
    load: async () => (await import('./settings.ts')).settingsCommand,
  },
);
commands.push(
  {
    name: 'exercises',
    usage: 'exercises [--dir PATH] [--json]',
    summary: 'list the YAML exercises (bundled, or your own folder with --dir)',
    options: dir,
    needsDb: false,
    load: async () => (await import('./exercises.ts')).exercisesCommand,
  },
  {
    name: 'exercise',
    usage: 'exercise <id> [--dir PATH] [--json]',
    summary: 'print an exercise task (answer it with kubedeck grade)',
    options: dir,
    needsDb: false,
    load: async () => (await import('./exercises.ts')).exerciseCommand,
  },
  {
    name: 'grade',
    usage:
      'grade <id> <answer.yaml|-> [--hints N] [--give-up] [--dir PATH] [--json] [--lang ko|en] [--db PATH]',
    summary: 'grade a manifest you wrote (exit 0 pass, 1 fail); with --db the attempt is recorded for review',
    options: { hints: { type: 'string' }, 'give-up': { type: 'boolean' }, ...dir },
    needsDb: false,
    load: async () => (await import('./grade.ts')).gradeCommand,
  },
);
commands.push({
  name: 'validate',
  usage: 'validate <file|folder|->... [--json] [--lang ko|en]',
  summary: 'check any Kubernetes manifest as the API server would (exit 0 valid, 1 invalid, 2 unreadable)',
  needsDb: false,
  load: async () => (await import('./validate.ts')).validateCommand,
});
commands.push({
  name: 'check-notes',
  usage: 'check-notes <file|folder>... [--json] [--lang ko|en]',
  summary:
    'check notes against Kubernetes: manifests, ports, paths, ranges, removed flags (exit 0 none, 1 warnings, 2 unreadable)',
  needsDb: false,
  load: async () => (await import('./check-notes.ts')).checkNotesCommand,
});
commands.push(
  {
    name: 'export',
    usage: 'export --format apkg|csv|json --out FILE [--deck NAME] [--with-history]',
    summary: 'write an Anki package (opens in Anki/AnkiDroid), a CSV table, or a JSON backup of everything',
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      deck: { type: 'string' },
      'with-history': { type: 'boolean' },
    },
    load: async () => (await import('./export.ts')).exportCommand,
  },
  {
    name: 'watch',
    usage: 'watch [<folder>...] [--list] [--remove FOLDER]',
    summary: 'keep note folders imported: re-imports each saved note (history kept) until Ctrl-C',
    options: { list: { type: 'boolean' }, remove: { type: 'string' }, 'debounce-ms': { type: 'string' } },
    needsDb: false,
    load: async () => (await import('./watch.ts')).watchCommand,
  },
);
commands.push(
  {
    name: 'backup',
    usage: 'backup [--json]',
    summary:
      'back the database up now (into backups/ beside it; the app also does so every 30 minutes of use)',
    load: async () => (await import('./backups.ts')).backupCommand,
  },
  {
    name: 'backups',
    usage: 'backups [--json]',
    summary: 'list the backups, newest first (time, size, cards, reviews)',
    load: async () => (await import('./backups.ts')).backupsCommand,
  },
  {
    name: 'restore',
    usage: 'restore <backup-file> [--json]',
    summary: 'put a backup in place of the database (the current state is backed up first)',
    load: async () => (await import('./backups.ts')).restoreCommand,
  },
  {
    name: 'check',
    usage: 'check [--dry-run] [--json]',
    summary:
      'Check Database: integrity, rows pointing nowhere, FSRS values out of range; repairs what is safe after a backup',
    options: { 'dry-run': { type: 'boolean' } },
    load: async () => (await import('./check.ts')).checkCommand,
  },
);
