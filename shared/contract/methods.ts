/**
 * The closed list of contract methods, dependency-free so the sandboxed preload can check
 * calls without bundling the schemas. api.ts asserts at compile time that it equals `keyof Api`.
 */
export const API_METHODS = [
  'app.info',
  'case.create',
  'case.open',
  'case.openDemo',
  'case.close',
  'archive.import',
  'import.cancel',
  'archive.list',
  'events.page',
  'events.get',
  'quarantine.page',
  'events.locate',
  'verify.run',
  'verify.results',
  'mapping.list',
  'mapping.save',
  'custody.log',
] as const;

export type MethodName = (typeof API_METHODS)[number];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}
