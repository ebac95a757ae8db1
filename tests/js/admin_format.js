// Runs quan-tri/guongsang-cms.js under node for tests/test_admin_format.py.
// Reads a JSON list of jobs on stdin, prints a JSON list of results.
//   {format: "md"|"yml", text: string|null, data: object|null, edit: [[path, value], …]}
// The file (or `data` for a new record) is read as the form reads it, edited, and written.
'use strict';
const path = require('path');
const root = path.resolve(__dirname, '..', '..');
const jsyaml = require(path.join(root, 'node_modules', 'js-yaml'));
const gs = require(path.join(root, 'quan-tri', 'guongsang-cms.js'))(jsyaml);

const config = jsyaml.load(require('fs').readFileSync(path.join(root, 'quan-tri', 'config.yml'), 'utf8'));
const suffixes = gs.linkSuffixes(config);

function set(obj, keys, value) {
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k];
  if (value === null) delete o[keys[keys.length - 1]];
  else o[keys[keys.length - 1]] = value;
}

let input = '';
process.stdin.on('data', c => { input += c; });
process.stdin.on('end', () => {
  const out = JSON.parse(input).map(job => {
    const md = job.format === 'md';
    let data = job.text === null ? job.data : (md ? gs.readRecord(job.text) : gs.readData(job.text));
    const fields = gs.fieldsFor(config, Object.keys(data));
    if (md) data = gs.relinked(data, fields, suffixes, true);
    const read = JSON.parse(JSON.stringify(data));
    delete read[gs.ORIGINAL];
    for (const [keys, value] of job.edit || []) set(data, keys, value);
    if (md) data = gs.relinked(data, fields, suffixes, false);
    return { read, text: md ? gs.writeRecord(data, fields) : gs.writeData(data, fields) };
  });
  process.stdout.write(JSON.stringify(out));
});
