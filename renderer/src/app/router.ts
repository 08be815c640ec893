import { useEffect, useState } from 'react';

/** Hash routes (#/formulir/a): they work the same from app:// and from http://127.0.0.1. */
export function useHashRoute(): string {
  const read = () => window.location.hash.replace(/^#/, '') || '/daftar';
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
