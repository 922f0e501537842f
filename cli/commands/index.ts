import type { Command } from '../command.ts';
import { cardsCommand, decksCommand } from './cards.ts';
import { importCommand } from './import.ts';

/** Every `kubedeck` subcommand, one line each. */
export const commands: Command[] = [importCommand, cardsCommand, decksCommand];
