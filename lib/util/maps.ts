/**
 * The value a map holds for `key`, made and stored by `make` the first time. One helper for the
 * get-or-create step that every index in the engine, the capture store and the panel takes.
 */
export function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** The same for a WeakMap, whose keys are objects. */
export function getOrCreateWeak<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
