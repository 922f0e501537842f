/**
 * Runs calls as they come, except that an exclusive call (one holding a write transaction across awaits) waits
 * for the calls in flight to finish and makes later calls wait for it. Ordinary calls stay concurrent.
 */
export function callGate() {
  let inFlight = 0;
  let idle: (() => void)[] = [];
  let exclusive: Promise<unknown> = Promise.resolve();
  let exclusiveQueued = 0;

  const settle = () => {
    inFlight--;
    if (inFlight === 0) {
      const waiting = idle;
      idle = [];
      for (const w of waiting) w();
    }
  };

  return async <R>(isExclusive: boolean, run: () => R | Promise<R>): Promise<R> => {
    if (isExclusive) {
      const before = exclusive;
      exclusiveQueued++;
      const mine = (async () => {
        try {
          await before.catch(() => {});
          if (inFlight > 0) await new Promise<void>((done) => idle.push(done));
          return await run();
        } finally {
          exclusiveQueued--;
        }
      })();
      exclusive = mine;
      return mine;
    }
    // Wait for every exclusive call queued before us, including ones queued while we waited; with none queued the
    // call starts in this very turn, so calls keep the order they came in.
    while (exclusiveQueued > 0) await exclusive.catch(() => {});
    inFlight++;
    try {
      return await run();
    } finally {
      settle();
    }
  };
}
