/** Loading a lazily fetched chunk (the engine, the outputs' layouts, the pane's views) once. */

/** Loads a chunk once; a failed load is not cached, so the next call tries again. */
export function lazyChunk<T>(load: () => Promise<T>): () => Promise<T> {
  let chunk: Promise<T> | null = null;
  return () => {
    if (chunk === null) {
      const loading = load();
      chunk = loading;
      loading.catch(() => {
        if (chunk === loading) chunk = null;
      });
    }
    return chunk;
  };
}
