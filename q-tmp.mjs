import { DuckDBInstance } from '@duckdb/node-api';
const i = await DuckDBInstance.create(':memory:'); const c = await i.connect();
const sql = process.argv[2];
try { const r = await c.runAndReadAll(sql); console.log(JSON.stringify(r.getRowObjectsJson().slice(0,10))); } catch (e) { console.log('ERR', e.message); }
