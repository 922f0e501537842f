/** A clock for `openCore({ now })` that moves one second on per reading, so every write gets its own time. */
export function tickingClock(startIso: string): () => Date {
  let t = Date.parse(startIso);
  return () => {
    t += 1000;
    return new Date(t);
  };
}
