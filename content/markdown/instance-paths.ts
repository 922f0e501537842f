import { ENTRY_DIRECTORIES } from './select/vocab.ts';
import type { ParsedCard } from './types.ts';

/**
 * A directory whose entries are one machine's or one example's own (vocab's ENTRY_DIRECTORIES) is the fact a learner
 * keeps; the entry is the example's. "sudo ip netns add red ([...])" → /var/run/netns/red and "[...] 설정에서 대역을
 * 설정할 수 있다" → /etc/cni/net.d/10-bridge.conf: judges asked for the directory ("drop the env-specific file").
 * Such a cloze asks the directory and shows the entry: "([...]/red)" → /var/run/netns. A pattern for the entry
 * (`<plugin>.conflist`) is no example's, and stays asked whole.
 */
export function askTheDirectory(cards: ParsedCard[]): void {
  for (const c of cards) {
    if (c.kind !== 'cloze' || c.prompt.split('[...]').length !== 2) continue;
    const path = c.answer.trim().replace(/^`(.*)`$/, '$1');
    const dir = ENTRY_DIRECTORIES.find((d) => path.startsWith(`${d}/`));
    if (!dir) continue;
    const entry = path.slice(dir.length);
    if (!/^\/[\w.@-]+$/.test(entry)) continue;
    c.prompt = c.prompt.replace('[...]', `[...]${entry}`);
    c.answer = dir;
  }
}
