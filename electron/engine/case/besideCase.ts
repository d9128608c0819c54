/**
 * Files an import writes beside the case (`<case><infix><id><suffix>`): the staging file
 * (eventStaging.ts) and a tagged copy that did not fit in RAM (native/copyPlace.ts). Their rows
 * are only ever committed by the import that wrote them, so any left when a case is opened come
 * from an import that was killed, and go.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function besideCase(casePath: string, infix: string, id: string, suffix: string): string {
  return `${casePath}${infix}${id}${suffix}`;
}

export function removeBesideCase(casePath: string, infix: string, suffix: string): void {
  const prefix = `${basename(casePath)}${infix}`;
  for (const name of readdirSync(dirname(casePath)))
    if (name.startsWith(prefix) && name.endsWith(suffix))
      rmSync(join(dirname(casePath), name), { force: true });
}
