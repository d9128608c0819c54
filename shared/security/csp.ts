/**
 * The Content-Security-Policy for the renderer, one string for both the desktop app and the
 * serve bridge (Electron security checklist #7): only our own scripts and styles, no eval,
 * no remote content, no framing, no form posts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
