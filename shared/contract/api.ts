/**
 * The one contract: every operation's request schema, response and error codes. The engine
 * implements `Handlers`, clients call `call(method, req)`, the preload and the HTTP bridge
 * accept only `API_METHODS`. Request types are derived from the zod schemas so the runtime
 * check and the static type cannot drift (style/anchors.md §3.2).
 */
import { z } from 'zod';
import { mappingSchema } from '../ingest/mapping';
import { API_METHODS, type MethodName } from './methods';
import type { ErrorCode, Result } from './result';
import type {
  AppInfo,
  ArchiveInfo,
  ArchiveVerification,
  CaseInfo,
  CustodyLog,
  EventDetail,
  ImportReport,
  LocatedRecord,
  SavedMapping,
  TablePage,
  VerifyRunResult,
} from './model';

const casePath = z.string().min(1).max(4096);
const rowId = z.string().regex(/^\d{1,20}$/, 'a decimal row id');
const pageWindow = {
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  limit: z.number().int().min(1).max(5000),
};

export const importSource = z.union([
  /** A local file; `name` is how reports show it (the CLI passes the path as the user typed it). */
  z.object({ path: z.string().min(1).max(4096), name: z.string().min(1).max(4096).optional() }).strict(),
  /** A file uploaded to the serve bridge first (browser mode has no file paths). */
  z.object({ uploadId: z.string().regex(/^[a-f0-9]{32}$/), name: z.string().min(1).max(512) }).strict(),
]);

export const requestSchemas = {
  'app.info': z.object({}).strict(),
  'case.create': z.object({ path: casePath }).strict(),
  'case.open': z.object({ path: casePath }).strict(),
  'case.openDemo': z.object({}).strict(),
  'case.close': z.object({}).strict(),
  'archive.import': z
    .object({
      sources: z.array(importSource).min(1).max(1000),
      /** Override detection with a producer id (`casefile import --producer`). */
      producer: z.string().min(1).max(64).optional(),
      /** A field mapping for an unknown producer (`casefile import --mapping`; docs/schema.md). */
      mapping: mappingSchema.optional(),
      /** Client-chosen id so progress events and `import.cancel` can name this import. */
      importId: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/)
        .optional(),
    })
    .strict(),
  'import.cancel': z.object({ importId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }).strict(),
  'archive.list': z.object({}).strict(),
  'events.page': z
    .object({
      ...pageWindow,
      /** Case-insensitive substring over the original record text. */
      search: z.string().max(500).optional(),
      archiveId: z.string().max(64).optional(),
    })
    .strict(),
  'events.get': z.object({ rowId }).strict(),
  'quarantine.page': z.object({ ...pageWindow, archiveId: z.string().max(64).optional() }).strict(),
  /** Finds the event (or quarantined record) at an archive position, e.g. to open a finding's line. */
  'events.locate': z
    .object({ archiveId: z.string().min(1).max(64), entryIndex: z.number().int().min(0) })
    .strict(),
  'verify.run': z
    .object({
      /** Archives to verify; all of the case when absent. */
      archiveIds: z.array(z.string().min(1).max(64)).max(10000).optional(),
      /** Key material, in memory only: never written to the case, logs or exports. */
      keys: z
        .object({
          hmacText: z.string().min(1).max(4096).optional(),
          hmacHex: z
            .string()
            .regex(/^[0-9a-fA-F\s]{2,8192}$/)
            .optional(),
          publicKeys: z.array(z.string().min(1).max(16384)).max(64).optional(),
          keyring: z.string().min(2).max(1048576).optional(),
        })
        .strict()
        .optional(),
      /** Anchors JSON text: {"chains":[…]} or a producer's published anchors file. */
      anchors: z.string().min(2).max(4194304).optional(),
    })
    .strict(),
  /** Saved field mappings for unknown producers (Timesketch-style), reusable across imports. */
  'mapping.list': z.object({}).strict(),
  'mapping.save': z.object({ mapping: mappingSchema }).strict(),
  /** The latest verification report of each archive (or of one). */
  'verify.results': z.object({ archiveId: z.string().min(1).max(64).optional() }).strict(),
  /** The case's custody log (every action on the case, hash-chained) and its chain check. */
  'custody.log': z.object({}).strict(),
} as const;

export type Method = keyof typeof requestSchemas;
export type Request<M extends Method> = z.infer<(typeof requestSchemas)[M]>;

/** Responses and the error codes each method may answer besides INVALID_REQUEST/INTERNAL. */
export interface Api {
  'app.info': { res: AppInfo; err: never };
  'case.create': { res: CaseInfo; err: 'EXISTS' | 'LOCKED' };
  'case.open': { res: CaseInfo; err: 'NOT_FOUND' | 'LOCKED' | 'FOREIGN_FILE' };
  'case.openDemo': { res: CaseInfo; err: 'NOT_FOUND' | 'LOCKED' | 'FOREIGN_FILE' };
  'case.close': { res: { closed: boolean }; err: never };
  'archive.import': {
    res: ImportReport;
    err: 'NO_CASE' | 'NOT_FOUND' | 'NOT_AN_ARCHIVE' | 'CANCELLED' | 'QUERY_FAILED';
  };
  'import.cancel': { res: { cancelled: boolean }; err: never };
  'archive.list': { res: ArchiveInfo[]; err: 'NO_CASE' };
  'events.page': { res: TablePage; err: 'NO_CASE' };
  'events.get': { res: EventDetail; err: 'NO_CASE' | 'NOT_FOUND' };
  'quarantine.page': { res: TablePage; err: 'NO_CASE' };
  'events.locate': { res: LocatedRecord; err: 'NO_CASE' | 'NOT_FOUND' };
  'verify.run': { res: VerifyRunResult; err: 'NO_CASE' | 'INVALID_REQUEST' };
  'verify.results': { res: ArchiveVerification[]; err: 'NO_CASE' };
  'mapping.list': { res: SavedMapping[]; err: 'NO_CASE' };
  'mapping.save': { res: SavedMapping; err: 'NO_CASE' };
  'custody.log': { res: CustodyLog; err: 'NO_CASE' };
}

/** The runtime allowlist (methods.ts) must equal the schemas and `Api`: checked at compile time. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchApi: Same<Method, keyof Api> = true;
const allowlistMatchesApi: Same<MethodName, keyof Api> = true;
void schemasMatchApi;
void allowlistMatchesApi;
export { API_METHODS };

export type Response<M extends Method> = Result<Api[M]['res']>;
export type ExpectedError<M extends Method> = Api[M]['err'] | 'INVALID_REQUEST' | 'INTERNAL';
export type Handlers = { [M in Method]: (req: Request<M>) => Promise<Response<M>> };

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, name);
}

/** Codes a client may see for any method (transport and engine failures). */
export type AnyErrorCode = ErrorCode;
