/** Any Y type: what `live` needs of it. */
interface Observable {
  observeDeep(f: () => void): void;
  unobserveDeep(f: () => void): void;
}

/**
 * A value read from Y types that follows every change to them, local or remote. Call during
 * component initialisation: it observes while the component lives.
 */
export function live<T>(types: () => Observable[], read: () => T): { readonly current: T } {
  let current = $state.raw(read());
  $effect(() => {
    const observed = types();
    const update = () => {
      current = read();
    };
    for (const type of observed) type.observeDeep(update);
    update();
    return () => {
      for (const type of observed) type.unobserveDeep(update);
    };
  });
  return {
    get current() {
      return current;
    },
  };
}
