// A tiny flag in localStorage: 'the outbox has referrals waiting'. The first screen reads only this, and loads the
// outbox code (and the database) after it has drawn, only when something is waiting to go.
export const PENDING_FLAG_KEY = 'tc.outbox.pending';

export function hasPendingReferrals(): boolean {
  try {
    return localStorage.getItem(PENDING_FLAG_KEY) === '1';
  } catch {
    return false;
  }
}

export function setPendingReferrals(isPending: boolean): void {
  try {
    if (isPending) localStorage.setItem(PENDING_FLAG_KEY, '1');
    else localStorage.removeItem(PENDING_FLAG_KEY);
  } catch {
    // Without storage the flag cannot be kept; the referral screens still start delivery when opened.
  }
}
