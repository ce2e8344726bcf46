/**
 * Appends `items` to `target` one by one. `target.push(...items)` passes every item as an
 * argument, and a list of about 100,000 (a city's rows, or an issue on each of them) overflows
 * the call stack.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}
