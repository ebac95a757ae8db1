// Prints, as JSON, Decap's English strings and its Vietnamese ones completed by
// quan-tri/tieng-viet.js, flattened to "a.b.c" keys (tests/test_admin_locale.py).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const locales = path.join(root, 'node_modules', 'decap-cms-locales', 'dist', 'esm');
const en = (await import(path.join(locales, 'en', 'index.js'))).default;
const vi = (await import(path.join(locales, 'vi', 'index.js'))).default;
const completion = require(path.join(root, 'quan-tri', 'tieng-viet.js'));
const gs = require(path.join(root, 'quan-tri', 'guongsang-cms.js'))(null);

const flat = (o, p = '') => Object.fromEntries(Object.entries(o).flatMap(([k, v]) =>
  v && typeof v === 'object' ? Object.entries(flat(v, `${p}${k}.`)) : [[`${p}${k}`, v]]));
process.stdout.write(JSON.stringify({
  en: flat(en), vi: flat(vi), completion: flat(completion), merged: flat(gs.merge(vi, completion)),
}));
