import { describe, expect, it } from 'vitest';
import { firstScreenTracker } from '../../core/server/first-screen.ts';

const settled = async (p: Promise<void>, ms: number) =>
  Promise.race([p.then(() => true), new Promise<boolean>((ok) => setTimeout(() => ok(false), ms))]);

describe("serve's first screen (when the watcher and the grader's worker may start)", () => {
  it('is served once the script went out, its API calls were answered and the server stayed quiet', async () => {
    const first = firstScreenTracker(30);
    first.requestStarted();
    first.requestFinished('other'); // the page
    first.requestStarted();
    first.requestFinished('page');
    expect(await settled(first.served, 80)).toBe(false); // the bundle runs; its calls are still to come
    first.requestStarted();
    first.requestStarted();
    first.requestFinished('api');
    expect(await settled(first.served, 80)).toBe(false); // one call still in flight
    first.requestFinished('api');
    expect(await settled(first.served, 200)).toBe(true);
  });

  it('is served after index.html and its calls when the browser kept the script and never asked for it', async () => {
    const first = firstScreenTracker(30);
    first.requestStarted();
    first.requestFinished('page'); // index.html
    first.requestStarted();
    first.requestFinished('api');
    expect(await settled(first.served, 200)).toBe(true);
  });

  it('is not served by API calls alone (a script or test talking to serve, no browser page)', async () => {
    const first = firstScreenTracker(10);
    for (let i = 0; i < 3; i++) {
      first.requestStarted();
      first.requestFinished('api');
    }
    expect(await settled(first.served, 80)).toBe(false);
  });

  it('waits while requests keep coming: a request inside the quiet time starts it again', async () => {
    const first = firstScreenTracker(60);
    first.requestStarted();
    first.requestFinished('page');
    first.requestStarted();
    first.requestFinished('api');
    await new Promise((r) => setTimeout(r, 30));
    first.requestStarted(); // review/peek, a font
    expect(await settled(first.served, 100)).toBe(false);
    first.requestFinished('other');
    expect(await settled(first.served, 200)).toBe(true);
  });
});
