import type { Command } from '../command.ts';
import { backupCommand, backupsCommand, restoreCommand } from './backups.ts';
import { cardsCommand, decksCommand } from './cards.ts';
import { checkCommand } from './check.ts';
import { deckLimitsCommand } from './deck-limits.ts';
import { exerciseCommand, exercisesCommand } from './exercises.ts';
import { gradeCommand } from './grade.ts';
import { importCommand } from './import.ts';
import { reviewCommand } from './review.tsx';
import {
  buryCommand,
  nextCommand,
  rateCommand,
  suspendCommand,
  undoCommand,
  unsuspendCommand,
} from './review-scripted.ts';
import { serveCommand } from './serve.ts';
import { settingsCommand } from './settings.ts';
import { optimizeCommand, statsCommand } from './stats.ts';

/** Every `kubedeck` subcommand, one line each. */
export const commands: Command[] = [
  importCommand,
  cardsCommand,
  decksCommand,
  deckLimitsCommand,
  serveCommand,
];
commands.push(
  reviewCommand,
  nextCommand,
  rateCommand,
  undoCommand,
  suspendCommand,
  unsuspendCommand,
  buryCommand,
);
commands.push(statsCommand, optimizeCommand, settingsCommand);
commands.push(exercisesCommand, exerciseCommand, gradeCommand);
commands.push(backupCommand, backupsCommand, restoreCommand, checkCommand);
