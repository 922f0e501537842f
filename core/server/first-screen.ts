/**
 * When the first screen a browser opened has been served: its page went out (index.html, or its script; a browser
 * that kept the script asks only for index.html), the API calls it made were
 * answered, and then no request came for a moment (`quietMs`). Work that can wait (the folder watcher, which loads
 * the importer; the grader's worker thread) starts then instead of taking the event loop and the second CPU core
 * from the first card on a cold start.
 */
export type FirstScreen = {
  /** Settles once, when the first screen has been served. */
  served: Promise<void>;
  requestStarted(): void;
  requestFinished(kind: 'page' | 'api' | 'other'): void;
};

export function firstScreenTracker(quietMs = 300): FirstScreen {
  let pageSent = false;
  let apiAnswered = false;
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;
  let done: () => void = () => {};
  const served = new Promise<void>((ok) => {
    done = ok;
  });
  return {
    served,
    requestStarted() {
      inFlight++;
      clearTimeout(timer);
    },
    requestFinished(kind) {
      inFlight = Math.max(0, inFlight - 1);
      if (kind === 'page') pageSent = true;
      else if (kind === 'api' && pageSent) apiAnswered = true;
      clearTimeout(timer);
      if (pageSent && apiAnswered && inFlight === 0) timer = setTimeout(done, quietMs).unref();
    },
  };
}
