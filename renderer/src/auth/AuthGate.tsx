// Who is at the screen. A new data folder starts at *Buat akun admin*; otherwise *Masuk*. Once
// someone has signed in, the app stays mounted under the lock screen and under a new sign-in, so
// a half-typed form survives an idle lock or an ended session: the person signs in again and
// carries on (another person signing in gets a fresh app). The core decides; this only follows
// its answers (auth.state, and any call refused UNAUTHENTICATED).
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AuthState, SessionAccount, SignedIn } from '../../../forms/accounts';
import { api, onSessionRefused, session, setRoles } from '../app/api';
import { LockScreen, SetupForm, SignInForm } from './SignInForms';

interface Signed {
  account: SessionAccount;
  lock(): void;
  signOut(): void;
}

const AccountContext = createContext<Signed | null>(null);

/** The signed-in person (inside the gate, always someone). */
export function useAccount(): Signed {
  const a = useContext(AccountContext);
  if (!a) throw new Error('useAccount outside <AuthGate>');
  return a;
}

type Phase = 'loading' | 'setup' | 'signedOut' | 'locked' | 'active';

/** What counts as the person's activity for the idle lock. */
const ACTIVITY = ['keydown', 'mousedown', 'pointermove', 'wheel', 'touchstart'] as const;

export function AuthGate({ children }: { children: ReactNode }) {
  const [phase, setPhase] = useState<Phase>('loading');
  const [account, setAccount] = useState<SessionAccount | null>(null);
  const [idleMinutes, setIdleMinutes] = useState(10);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** The app's mount: a new one for another person. */
  const [mount, setMount] = useState<string | null>(null);

  const follow = useCallback((s: AuthState, why: string | null = null) => {
    setIdleMinutes(s.idleMinutes);
    if (s.setupNeeded) return setPhase('setup');
    if (s.state === 'active' && s.account) {
      setAccount(s.account);
      setRoles(s.account.roles);
      setMount((m) => m ?? s.account!.id);
      return setPhase('active');
    }
    if (s.state === 'locked' && s.account) {
      setAccount(s.account);
      return setPhase('locked');
    }
    setRoles(null);
    session.set(null);
    setNotice(why);
    setPhase('signedOut');
  }, []);

  const check = useCallback(
    (why: string | null = null) =>
      api.call('auth.state', {}, { passive: true }).then(
        (s) => follow(s, why),
        (e: unknown) => setFailure(e instanceof Error ? e.message : 'Aplikasi tidak dapat dihubungi.'),
      ),
    [follow],
  );

  useEffect(() => void check(), [check]);
  // Any call refused for the session: ask the core what became of it (locked, ended).
  useEffect(() => onSessionRefused((e) => void check(e.message)), [check]);

  const signedIn = useCallback((s: SignedIn) => {
    session.set(s.token);
    setNotice(null);
    setIdleMinutes(s.idleMinutes);
    setAccount(s.account);
    setRoles(s.account.roles);
    // The same person carries on in the same app; someone else starts a fresh one.
    setMount((m) => (m === s.account.id ? m : s.account.id));
    setPhase('active');
  }, []);

  const lock = useCallback(() => {
    setPhase('locked');
    void api.call('auth.lock', {}).catch(() => undefined);
  }, []);
  const signOut = useCallback(() => {
    void api.call('auth.signOut', {}).finally(() => {
      session.set(null);
      setRoles(null);
      setMount(null);
      setNotice(null);
      setPhase('signedOut');
    });
  }, []);

  // The idle lock: no keyboard or mouse for the minutes set in Pengaturan. The core locks the
  // session by itself too (a tab left open with its polls is not activity); this is the screen's part.
  const lastActive = useRef(Date.now());
  useEffect(() => {
    if (phase !== 'active') return;
    lastActive.current = Date.now();
    const touch = () => void (lastActive.current = Date.now());
    for (const e of ACTIVITY) window.addEventListener(e, touch, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (Date.now() - lastActive.current >= idleMinutes * 60_000) lock();
    }, 5_000);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, touch, { capture: true });
    };
  }, [phase, idleMinutes, lock]);

  if (failure && phase === 'loading') return <p className="error" role="alert">{failure}</p>;
  if (phase === 'loading') return <p>Memuat…</p>;
  if (phase === 'setup') return <SetupForm onDone={signedIn} />;

  const covered = phase !== 'active';
  const overlay =
    phase === 'locked' && account ? (
      <LockScreen account={account} onUnlocked={signedIn} onOther={signOut} />
    ) : phase === 'signedOut' ? (
      <SignInForm notice={notice} onDone={signedIn} />
    ) : null;
  if (!mount || !account) return overlay;
  return (
    <>
      <div inert={covered} aria-hidden={covered || undefined} className={covered ? 'covered' : undefined}>
        <AccountContext.Provider value={{ account, lock, signOut }} key={mount}>
          {children}
        </AccountContext.Provider>
      </div>
      {overlay ? <div className="gate-overlay">{overlay}</div> : null}
    </>
  );
}
