import type { Command } from '../command.ts';
import { cardsCommand, decksCommand } from './cards.ts';
import { importCommand } from './import.ts';
import { buryCommand, nextCommand, rateCommand, suspendCommand, undoCommand, unsuspendCommand } from './review-scripted.ts';
import { serveCommand } from './serve.ts';

/** Every `kubedeck` subcommand, one line each. */
export const commands: Command[] = [importCommand, cardsCommand, decksCommand, serveCommand];
commands.push(nextCommand, rateCommand, undoCommand, suspendCommand, unsuspendCommand, buryCommand);
