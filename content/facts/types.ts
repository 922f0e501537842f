import type { Text } from './facts-base.ts';

/** `fact`: the note contradicts the base; `outdated`: it teaches what current Kubernetes removed; `manifest`: the API server would refuse it. */
export type CheckKind = 'fact' | 'manifest' | 'outdated';

/** One problem found in a note, in both languages; the learner's language is chosen where it is shown. */
export type NoteCheck = {
  kind: CheckKind;
  /** The fact's id in the base (`port.kubelet`), or `manifest.<code>` for what the validator found. */
  id: string;
  /** 1-based note line and column of what the note says. */
  line: number;
  column: number;
  said: string;
  kubernetes: Text;
  about: Text;
  source: string;
  /** A manifest problem: the note line where its manifest starts (the manifest card's line). */
  blockLine?: number;
};
