import type { HandlerTable } from '../handler.ts';

/**
 * The handler table split by domain (the name's prefix), each domain imported on its first call: a CLI run pays
 * only for what its command calls (`decks` never loads the grader or markdown-it). index.ts stays the one table
 * the Api type comes from; a name whose prefix has no route here is still found there.
 */
const DOMAINS: Record<string, () => Promise<HandlerTable>> = {
  decks: async () => (await import('./decks.ts')).deckHandlers,
  cards: async () => ({
    ...(await import('./decks.ts')).deckHandlers,
    ...(await import('./browse.ts')).browseHandlers,
  }),
  browse: async () => (await import('./browse.ts')).browseHandlers,
  import: async () => (await import('./import.ts')).importHandlers,
  review: async () => ({
    ...(await import('./review.ts')).reviewHandlers,
    ...(await import('./review-flow.ts')).reviewFlowHandlers,
  }),
  stats: async () => (await import('./stats.ts')).statsHandlers,
  optimizer: async () => (await import('./stats.ts')).statsHandlers,
  settings: async () => (await import('./settings.ts')).settingsHandlers,
  exercises: async () => (await import('./exercises.ts')).exerciseHandlers,
  export: async () => (await import('./interop.ts')).interopHandlers,
  interop: async () => (await import('./interop.ts')).interopHandlers,
  watch: async () => (await import('./interop.ts')).interopHandlers,
  backups: async () => (await import('./backups.ts')).backupHandlers,
  db: async () => (await import('./check.ts')).checkHandlers,
  media: async () => (await import('./media.ts')).mediaHandlers,
  'note-checks': async () => (await import('./note-checks.ts')).noteCheckHandlers,
  suggestions: async () => (await import('./browse.ts')).browseHandlers,
};

/** The domain route a handler name takes, or null when only the whole table knows it. */
export const domainOf = (name: string): string | null => {
  const prefix = name.split('/')[0]!;
  return Object.hasOwn(DOMAINS, prefix) ? prefix : null;
};

export async function loadDomain(domain: string): Promise<HandlerTable> {
  return DOMAINS[domain]!();
}

export async function loadHandler(name: string): Promise<HandlerTable[string] | undefined> {
  const domain = domainOf(name);
  if (domain) {
    const table = await loadDomain(domain);
    if (Object.hasOwn(table, name)) return table[name];
  }
  const { handlers } = await import('./index.ts');
  return Object.hasOwn(handlers, name) ? (handlers as HandlerTable)[name] : undefined;
}
