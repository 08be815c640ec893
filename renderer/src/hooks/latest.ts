// Which answer counts when requests overlap: the newest one's. Kept apart from useLoad so it runs
// (and is tested) without a browser.
/** Tickets for requests: only the newest ticket's answer counts; invalidate() drops every one out. */
export function latestOnly() {
  let newest = 0;
  return {
    /** A new request; the function says whether it is still the newest when its answer arrives. */
    next(): () => boolean {
      const ticket = ++newest;
      return () => ticket === newest;
    },
    invalidate(): void {
      newest++;
    },
  };
}
