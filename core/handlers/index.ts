import { deckHandlers } from './decks.ts';
import { importHandlers } from './import.ts';
import { reviewHandlers } from './review.ts';

/** The whole API: every transport (CLI, HTTP, Electron IPC, tests) calls these. One line per domain. */
export const handlers = {
  ...deckHandlers,
  ...importHandlers,
  ...reviewHandlers,
};
