/**
 * The other side of the checks: a value the facts base says is right for a subject named beside it. A card whose
 * whole answer is such a value asks a fact of Kubernetes (the API server listens on 6443, the NodePort range is
 * 30000-32767, CNI binaries live in /opt/cni/bin), not a value one example chose; the selection counts that for it.
 * The subject must be on show (in the prompt or the headings above it): "6443" under "API-Server" asks something,
 * "[...] (Services)" → 30000-32767 leaves the learner to guess which range is meant.
 */
import { type FactsBase, factsBase, fitsRole } from './facts-base.ts';

/** A value as a card hides it: no code marks, quotes, emphasis or closing stop around it. */
const bare = (value: string) =>
  value
    .replace(/[`*"'“”]/g, '')
    .replace(/[.,;:]+$/, '')
    .trim();

const PORT = /^\d{2,5}$/;
const RANGE = /^(\d{2,5})\s*(?:-|–|~|to|부터)\s*(\d{2,5})(?:\s*까지)?$/i;
const CIDR = /^\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}$/;

/** Whether `subject` (a fact's compiled, global pattern) is named in `around`; `search` ignores a global's lastIndex. */
const names = (re: RegExp, around: string) => around.search(re) >= 0;

/**
 * The id of the fact that confirms `value` beside a subject named in `around` (the card's prompt and headings), or
 * null when no fact does.
 */
export function confirmedValue(value: string, around: string, base: FactsBase = factsBase()): string | null {
  const v = bare(value);
  if (PORT.test(v)) {
    const port = Number(v);
    const fact = base.portSubjects.find(
      (f) =>
        (f.ports.includes(port) || f.also.includes(port)) && names(f.re, around) && fitsRole(f, port, around),
    );
    return fact?.id ?? null;
  }
  const range = RANGE.exec(v);
  if (range) {
    const [lo, hi] = [Number(range[1]), Number(range[2])];
    const fact = base.rangeSubjects.find(
      (f) => f.range[0] === lo && f.range[1] === hi && names(f.re, around),
    );
    return fact?.id ?? null;
  }
  if (CIDR.test(v)) return base.cidrSubjects.find((f) => f.cidr === v && names(f.re, around))?.id ?? null;
  const path = v.replace(/\/$/, '');
  return (
    base.pathSubjects.find((f) => f.path.toLowerCase() === path.toLowerCase() && names(f.re, around))?.id ??
    null
  );
}
