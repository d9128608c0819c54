import { describe, expect, it } from 'vitest';
import { API_METHODS, requestSchemas, type Handlers } from '../../../shared/contract/api';
import { ok } from '../../../shared/contract/result';
import { createDispatcher } from '../../../shared/rpc/dispatch';
import { createClient } from '../../../shared/rpc/client';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = async (): Promise<never> => {
    throw new Error('not under test');
  };
  const base = Object.fromEntries(API_METHODS.map((m) => [m, unused])) as unknown as Handlers;
  return { ...base, ...overrides };
}

describe('dispatcher', () => {
  it('lists exactly the methods that have schemas', () => {
    expect([...API_METHODS].sort()).toEqual(Object.keys(requestSchemas).sort());
  });

  it('refuses an unknown method as INVALID_REQUEST without calling anything', async () => {
    const dispatch = createDispatcher(handlers());
    const r = await dispatch('fs.readFile', { path: '/etc/passwd' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(r.ok ? '' : r.error.message).toContain('unknown method');
  });

  it('validates requests and names the offending field', async () => {
    const dispatch = createDispatcher(handlers());
    const r = await dispatch('events.page', { offset: -1, limit: 10 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_REQUEST');
      expect(r.error.where?.field).toBe('offset');
    }
    const nested = await dispatch('archive.import', { sources: [{ path: '' }] });
    expect(nested.ok ? undefined : nested.error.where?.field).toMatch(/^sources\[0\]/);
  });

  it('rejects unexpected members (strict schemas)', async () => {
    const dispatch = createDispatcher(handlers());
    const r = await dispatch('case.open', { path: '/tmp/x.duckdb', sql: 'DROP TABLE events' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('passes valid requests and typed error results through untouched', async () => {
    const dispatch = createDispatcher(
      handlers({
        'case.open': async (req) => ({
          ok: false,
          error: { code: 'NOT_FOUND', message: `${req.path} does not exist`, where: { file: req.path } },
        }),
        'import.cancel': async () => ok({ cancelled: true }),
      }),
    );
    expect(await dispatch('import.cancel', { importId: 'abc' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await dispatch('case.open', { path: '/nope.duckdb' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '/nope.duckdb does not exist', where: { file: '/nope.duckdb' } },
    });
  });

  it('turns a throwing handler into INTERNAL with an incident id that is logged', async () => {
    const logged: string[] = [];
    const dispatch = createDispatcher(
      handlers({
        'app.info': async () => {
          throw new TypeError('boom');
        },
      }),
      {
        newIncidentId: () => 'inc-test-1',
        onInternalError: (id, method, thrown) => logged.push(`${id} ${method} ${String(thrown)}`),
      },
    );
    const r = await dispatch('app.info', {});
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'app.info failed unexpectedly (incident inc-test-1)',
        incidentId: 'inc-test-1',
      },
    });
    expect(logged).toEqual(['inc-test-1 app.info TypeError: boom']);
  });
});

describe('client', () => {
  it('turns a rejecting transport into a TRANSPORT result', async () => {
    const client = createClient({
      invoke: () => Promise.reject(new Error('socket hang up')),
      subscribe: () => () => undefined,
    });
    const r = await client.call('app.info', {});
    expect(r).toEqual({ ok: false, error: { code: 'TRANSPORT', message: 'app.info: socket hang up' } });
  });
});
