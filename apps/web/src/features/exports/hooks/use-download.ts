import { useEffect, useRef, useState } from 'react';

export type DownloadPhase = 'idle' | 'preparing' | 'started' | 'slow';

const COOKIE = 'kodbok_download';
/** After this long without the file starting, say so (the link can be used again). */
const SLOW_MS = 60_000;

const newToken = () => crypto.randomUUID();
const cookieSays = (token: string) => document.cookie.split('; ').includes(`${COOKIE}=${token}`);
const clearCookie = () => {
  document.cookie = `${COOKIE}=; Max-Age=0; Path=/; SameSite=Strict`;
};

/**
 * A download started by a plain link (the session cookie authenticates it and the browser
 * streams it to disk, however large), with a "preparing" phase: the link carries a token, and
 * the server answers with a cookie holding it once the file begins to arrive. The token in the
 * link stays the same until then, so the click that starts a download uses it.
 */
export function useDownload() {
  const [token, setToken] = useState(newToken);
  const [phase, setPhase] = useState<DownloadPhase>('idle');
  const timer = useRef<number | null>(null);
  const stop = () => {
    if (timer.current !== null) window.clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);

  return {
    token,
    phase,
    /** The link was clicked: watch for the cookie. */
    started() {
      stop();
      setPhase('preparing');
      const since = Date.now();
      timer.current = window.setInterval(() => {
        if (cookieSays(token)) {
          stop();
          clearCookie();
          setPhase('started');
          setToken(newToken());
        } else if (Date.now() - since > SLOW_MS) {
          stop();
          setPhase('slow');
          setToken(newToken());
        }
      }, 250);
    },
    /** A new choice: forget the last download's message. */
    reset() {
      if (phase !== 'preparing') setPhase('idle');
    },
  };
}
