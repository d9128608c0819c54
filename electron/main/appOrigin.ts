/**
 * The app's own origin and the checks built on it: IPC only from our top frame (checklist
 * #17), no navigation away from it (#13), no new windows (#14).
 */
export const APP_SCHEME = 'casefile';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** The part of an IPC event's sender frame the check needs. */
export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'app';
  } catch {
    return false;
  }
}

/** True only for the app's own top-level frame; sub-frames and other origins are refused. */
export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}

/** Navigation is allowed only within the app origin (a reload); everything else is denied. */
export function isNavigationAllowed(targetUrl: string): boolean {
  return isAppUrl(targetUrl);
}
