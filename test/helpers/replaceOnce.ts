/** `text` with `from` replaced by `to`; throws when `from` is not in it, so a test's odd shape cannot silently be an ordinary one. */
export function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`${from} is not in ${text}`);
  return text.replace(from, to);
}
