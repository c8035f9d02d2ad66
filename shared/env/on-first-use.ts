// Builds something expensive (an adapter with the AWS SDK client it loads) on its first use, once, and shares it after.

/**
 * The returned function loads on its first call and hands every caller the same instance; a load that fails is
 * forgotten, so the next call tries again (a cold start is never stuck on one failed load).
 */
export const onFirstUse = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
};
