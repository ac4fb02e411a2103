// Creates a new PGlite database in the folder given as the first argument, with the options (JSON) given
// as the second, then exits. Run as a process of its own by pglite-folder.ts: initdb peaks near 800 MB and
// leaves hundreds of megabytes the desk's process would otherwise keep for as long as it runs. Plain
// JavaScript, so it runs the same under tsx, the tests and the compiled build.
import { PGlite } from '@electric-sql/pglite';

const [dir, options] = process.argv.slice(2);
if (!dir) throw new Error('usage: pglite-initdb.mjs <folder> [options json]');
const client = new PGlite(dir, options ? JSON.parse(options) : {});
await client.waitReady;
await client.close();
