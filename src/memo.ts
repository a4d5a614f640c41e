// Caches for words seen in questions: each is bounded, so that a flood of odd words cannot grow memory.

/** How many words a cache holds before it starts over. */
export const CACHE_LIMIT = 50_000;

/** Keeps the value under the key (emptying a full cache first) and gives it back. */
export function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}
