/**
 * What a shell prints before the command a writer typed: `$ `, `% `, `user@host:~$ `, and the glyphs of themed
 * shells a session is pasted from (`❯ `, `➜ `, `▒ `, `» `). None is part of the command. Unicode files `❯` as
 * punctuation, not as a symbol, so it is named.
 */
export const SHELL_PROMPT = /^\s*(?:(?:[\w@.~:-]*\s?)?[$%]|[\p{So}»›❯])\s+(\S.*)$/u;
