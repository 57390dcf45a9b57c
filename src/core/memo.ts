/**
 * Memoisation for the engine's readings. The same cells are read by many rules and the same short
 * texts recur on every form of a workbook; forms are not changed once detected, so a reading can be
 * kept with the object or text it was made from. Callers must not mutate what they get back.
 */

/** `read` remembered per object, for as long as the object lives (a WeakMap). */
export function memoByObject<K extends object, V>(read: (key: K) => V): (key: K) => V {
  const known = new WeakMap<K, V>();
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const value = read(key);
    known.set(key, value);
    return value;
  };
}

/** `read` remembered per object and a second key (a form and the profile it was read under). */
export function memoByPair<K extends object, S, V>(
  read: (key: K, second: S) => V,
): (key: K, second: S) => V {
  const known = new WeakMap<K, Map<S, V>>();
  return (key, second) => {
    let bySecond = known.get(key);
    if (!bySecond) {
      bySecond = new Map();
      known.set(key, bySecond);
    }
    if (bySecond.has(second)) return bySecond.get(second) as V;
    const value = read(key, second);
    bySecond.set(second, value);
    return value;
  };
}

/**
 * `read` remembered per text of at most `maxLength` characters (longer texts are read every time:
 * they are values, not the labels and numbers that recur). The memory is emptied when it holds
 * `limit` texts, which bounds it for workbooks with many distinct texts; refilling is cheap. A
 * reading of undefined is not kept.
 */
export function memoByText<V>(
  read: (text: string) => V,
  { maxLength, limit }: { maxLength: number; limit: number },
): (text: string) => V {
  const known = new Map<string, V>();
  return (text) => {
    if (text.length > maxLength) return read(text);
    const cached = known.get(text);
    if (cached !== undefined) return cached;
    const value = read(text);
    if (known.size >= limit) known.clear();
    known.set(text, value);
    return value;
  };
}
