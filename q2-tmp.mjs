import { DuckDBInstance } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
rmSync('/tmp/q2.duckdb', { force: true });
const i = await DuckDBInstance.create('/tmp/q2.duckdb'); const c = await i.connect();
for (const sql of process.argv.slice(2)) {
  try { const r = await c.runAndReadAll(sql); console.log(JSON.stringify(r.getRowObjectsJson().slice(0,10))); } catch (e) { console.log('ERR', e.message); }
}
