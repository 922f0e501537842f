import type { ParsedCard } from './types.ts';

/**
 * Directories whose entries are one machine's or one example's own: a network namespace (`red`), a CNI config file
 * (`10-bridge.conf`), a pod's log. The directory is the fact a learner keeps; the entry is the example's.
 */
const DIRECTORIES_OF_ENTRIES = [
  '/etc/cni/net.d',
  '/var/run/netns',
  '/run/netns',
  '/var/log/pods',
  '/var/log/containers',
];

/**
 * "sudo ip netns add red ([...])" → /var/run/netns/red, "[...] 설정에서 대역을 설정할 수 있다" →
 * /etc/cni/net.d/10-bridge.conf: judges asked for the directory ("drop the env-specific file"). Such a cloze asks
 * the directory and shows the entry: "([...]/red)" → /var/run/netns. A pattern for the entry (`<plugin>.conflist`)
 * is no example's, and stays asked whole.
 */
export function askTheDirectory(cards: ParsedCard[]): void {
  for (const c of cards) {
    if (c.kind !== 'cloze' || c.prompt.split('[...]').length !== 2) continue;
    const path = c.answer.trim().replace(/^`(.*)`$/, '$1');
    const dir = DIRECTORIES_OF_ENTRIES.find((d) => path.startsWith(`${d}/`));
    if (!dir) continue;
    const entry = path.slice(dir.length);
    if (!/^\/[\w.@-]+$/.test(entry)) continue;
    c.prompt = c.prompt.replace('[...]', `[...]${entry}`);
    c.answer = dir;
  }
}
