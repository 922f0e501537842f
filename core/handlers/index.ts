import { backupHandlers } from './backups.ts';
import { browseHandlers } from './browse.ts';
import { checkHandlers } from './check.ts';
import { deckHandlers } from './decks.ts';
import { exerciseHandlers } from './exercises.ts';
import { importHandlers } from './import.ts';
import { interopHandlers } from './interop.ts';
import { mediaHandlers } from './media.ts';
import { noteCheckHandlers } from './note-checks.ts';
import { reviewHandlers } from './review.ts';
import { reviewFlowHandlers } from './review-flow.ts';
import { settingsHandlers } from './settings.ts';
import { statsHandlers } from './stats.ts';

/** The whole API: every transport (CLI, HTTP, Electron IPC, tests) calls these. One line per domain. */
export const handlers = {
  ...deckHandlers,
  ...importHandlers,
  ...reviewHandlers,
  ...statsHandlers,
  ...settingsHandlers,
  ...exerciseHandlers,
  ...interopHandlers,
  ...backupHandlers,
  ...checkHandlers,
  ...browseHandlers,
  ...reviewFlowHandlers,
  ...mediaHandlers,
  ...noteCheckHandlers,
};
