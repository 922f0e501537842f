import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiArgs, ApiResult } from '../../core/api.ts';
import { call } from '../api/client.ts';

export type BrowseFilters = Omit<ApiArgs<'browse/search'>, 'offset' | 'limit'>;
export type BrowseItem = ApiResult<'browse/search'>['items'][number];

export const PAGE = 100;
/** Counting every match may scan every card: it waits until typing pauses, so it never delays the next search. */
const COUNT_AFTER_MS = 200;

/**
 * The search results a page at a time: the first page comes with the total, later pages load as the list scrolls
 * to them. A newer search wins over answers to older ones still in flight.
 */
export function useBrowsePages(filters: BrowseFilters) {
  const [total, setTotal] = useState<number | null>(null);
  /** False while `total` is a lower bound (the first page is here, the count is not). */
  const [exact, setExact] = useState(true);
  const counting = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [pages, setPages] = useState<Map<number, BrowseItem[]>>(new Map());
  const [shownFor, setShownFor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const loading = useRef(new Set<number>());
  const key = JSON.stringify(filters);

  const load = useCallback(
    (page: number, gen: number, fresh = false) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const f = JSON.parse(key) as BrowseFilters;
      call('browse/search', { ...f, offset: page * PAGE, limit: PAGE }).then(
        (r) => {
          if (gen !== generation.current) return;
          loading.current.delete(page);
          setError(null);
          if (r.total !== null) {
            setTotal(r.total);
            setExact(true);
          } else if (fresh) {
            // The list grows a row past what is loaded; the real count replaces it shortly.
            setTotal(PAGE + 1);
            setExact(false);
            clearTimeout(counting.current);
            counting.current = setTimeout(() => {
              call('browse/count', f).then((c) => {
                if (gen !== generation.current) return;
                setTotal(c.total);
                setExact(true);
              }, setError);
            }, COUNT_AFTER_MS);
          }
          // A new search replaces the old results only once its first page is here: no blank flash while typing.
          setPages((m) => (fresh ? new Map([[0, r.items]]) : new Map(m).set(page, r.items)));
          if (page === 0) setShownFor(key);
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          loading.current.delete(page);
          setError(e);
        },
      );
    },
    [key],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new search whenever the filters change
  useEffect(() => {
    const gen = ++generation.current;
    loading.current = new Set();
    load(0, gen, true);
  }, [key]);

  const itemAt = (i: number): BrowseItem | undefined => pages.get(Math.floor(i / PAGE))?.[i % PAGE];
  const ensure = (from: number, to: number) => {
    for (let p = Math.floor(from / PAGE); p <= Math.floor(to / PAGE); p++)
      if (!pages.has(p)) load(p, generation.current);
  };
  const refresh = () => {
    const gen = ++generation.current;
    loading.current = new Set();
    for (const p of pages.keys()) load(p, gen);
    if (!pages.has(0)) load(0, gen);
  };
  return { total, exact, itemAt, ensure, refresh, error, shownFor, key };
}
