/*
 * Gương sáng: what the web form (/quan-tri/, Decap CMS) adds to Decap.
 *
 * 1. Record formats that keep the text of every field the editor did not touch
 *    (`guongsang-md` for front matter + Markdown, `guongsang-yml` for data/*.yml). Decap's own
 *    YAML writer re-quotes values and folds lines longer than 80 characters, so saving one field
 *    would rewrite the whole file; here a one-field edit is a one-field diff. Fields that did
 *    change, and new records, are written in one plain style: keys in the order of schema.py,
 *    lists indented under their key, quotes only where YAML needs them, no folding.
 * 2. The Vietnamese interface: Decap's `vi` locale lacks some strings (tieng-viet.js fills them).
 * 3. Strings are saved in Unicode NFC, as the checks read them.
 * 4. The global media button is hidden: uploads there would reach the main branch without a
 *    pull request. Photos are chosen inside a profile and saved in its folder.
 * 5. A photo larger than the site's source-photo budget (`anh_goc` in data/site.yml, written
 *    into the page by the build) is shrunk in the browser before upload: long edge fitted, JPEG
 *    quality lowered step by step until it fits the bytes. Decap's own `media_processing` can
 *    only force an exact width, which would enlarge small photos and let portraits exceed it.
 *
 * The functions are pure (no Decap, no DOM) so that node runs them in the tests:
 *   const gs = require('./guongsang-cms.js')(require('js-yaml'));
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory;
  } else {
    root.GuongSang = factory(root.jsyaml);
    // decap-cms.js, loaded next, waits: start() registers the formats and locale first.
    root.CMS_MANUAL_INIT = true;
    root.addEventListener('DOMContentLoaded', function () {
      root.GuongSang.start(root.CMS, root.GuongSangVi);
    });
  }
})(typeof self !== 'undefined' ? self : this, function (jsyaml) {
  'use strict';

  /** Key under which a loaded record keeps its original text, until it is saved again. */
  var ORIGINAL = '__guongsang_goc';
  /** A data file whose top level is a list is shown to the form as this one field. */
  var LIST_KEY = 'danh_sach';

  function load(text) {
    // The core schema: "2024-01-05" stays text, as the checks read it (no timestamps).
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  }

  // -- values --------------------------------------------------------------------------------

  function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  }

  function isEmpty(v) {
    return v === null || v === undefined || v === '' ||
      (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
  }

  /** Drops empty values (the check treats them as absent) and puts strings in NFC. */
  function clean(v) {
    if (typeof v === 'string') return v.normalize('NFC');
    if (Array.isArray(v)) {
      return v.map(clean).filter(function (x) { return !isEmpty(x); });
    }
    if (isObject(v)) {
      var out = {};
      Object.keys(v).forEach(function (k) {
        if (k === ORIGINAL) return;
        var c = clean(v[k]);
        if (!isEmpty(c)) out[k] = c;
      });
      return out;
    }
    return v;
  }

  /**
   * `clean` drops empty values (Decap writes an empty string or list for every untouched optional
   * field), but an empty value the file itself held, and that the form left as it was
   * (`nhung_duoc_phep: []`), is kept: a save must not rewrite what nobody edited.
   */
  function keepEmpty(meta, data, before) {
    if (!isObject(before)) return meta;
    var out = {};
    Object.keys(data).forEach(function (k) {
      if (k === ORIGINAL) return;
      if (Object.prototype.hasOwnProperty.call(meta, k)) {
        out[k] = meta[k];
      } else if (Object.prototype.hasOwnProperty.call(before, k) && isEmpty(clean(before[k]))
                 && isEmpty(clean(data[k])) && equal(data[k], before[k])) {
        out[k] = before[k];
      }
    });
    return out;
  }

  function parsedOrNull(text) {
    try { return load(text); } catch (e) { return null; }
  }

  function equal(a, b) {
    if (a === b) return true;
    if (Array.isArray(a) && Array.isArray(b)) {
      return a.length === b.length && a.every(function (x, i) { return equal(x, b[i]); });
    }
    if (isObject(a) && isObject(b)) {
      var ka = Object.keys(a), kb = Object.keys(b);
      return ka.length === kb.length && ka.every(function (k) { return equal(a[k], b[k]); });
    }
    return false;
  }

  // -- writing YAML in the project's plain style ---------------------------------------------

  var YAML_WORDS = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
  var NUMBER_LIKE = /^[-+]?(\.?[0-9]|\.(inf|nan)$)/i;
  var NUMBER_CHARS = /^[-+0-9._:eExXoObBa-fA-F]+$/;

  /** True when `s` reads back as the same text without quotes (YAML 1.1, as PyYAML reads it). */
  function plainOk(s) {
    if (s === '' || s !== s.trim()) return false;
    if (/[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(s)) return false;
    if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) return false;
    if (/: |:$| #|^<<$|^=$/.test(s)) return false;
    if (YAML_WORDS.test(s)) return false;
    if (NUMBER_LIKE.test(s) && NUMBER_CHARS.test(s)) return false;
    if (/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/.test(s)) return false;
    return true;
  }

  function scalar(v) {
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number') return String(v);
    var s = String(v);
    // A JSON string is a valid YAML double-quoted scalar.
    return plainOk(s) ? s : JSON.stringify(s);
  }

  function pad(n) {
    return new Array(n + 1).join(' ');
  }

  /** Field declarations (Decap config) matching a group of keys: orders them as schema.py. */
  function orderKeys(keys, fields) {
    if (!fields) return keys.slice();
    var rank = {};
    fields.forEach(function (f, i) { rank[f.name] = i; });
    return keys.slice().sort(function (a, b) {
      var ra = a in rank ? rank[a] : 1e6, rb = b in rank ? rank[b] : 1e6;
      return ra - rb;
    });
  }

  function childFields(fields, key) {
    var f = (fields || []).filter(function (x) { return x.name === key; })[0];
    if (!f) return undefined;
    return f.fields || (f.field ? [f.field] : undefined);
  }

  function emitEntry(key, v, indent, fields) {
    var head = pad(indent) + key + ':';
    if (Array.isArray(v)) {
      return [head].concat(emitItems(v, indent + 2, childFields(fields, key)));
    }
    if (isObject(v)) {
      return [head].concat(emitMapLines(v, indent + 2, childFields(fields, key)));
    }
    return [head + ' ' + scalar(v)];
  }

  function emitMapLines(obj, indent, fields) {
    var lines = [];
    orderKeys(Object.keys(obj), fields).forEach(function (k) {
      lines = lines.concat(emitEntry(k, obj[k], indent, fields));
    });
    return lines;
  }

  function emitItem(item, indent, fields) {
    var dash = pad(indent) + '- ';
    if (isObject(item)) {
      var inner = emitMapLines(item, indent + 2, fields);
      inner[0] = dash + inner[0].slice(indent + 2);
      return inner;
    }
    if (Array.isArray(item)) {
      var nested = emitItems(item, indent + 2, fields);
      nested[0] = dash + nested[0].slice(indent + 2);
      return nested;
    }
    return [dash + scalar(item)];
  }

  function emitItems(arr, indent, fields) {
    var lines = [];
    arr.forEach(function (item) { lines = lines.concat(emitItem(item, indent, fields)); });
    return lines;
  }

  // -- reading the original text in blocks ---------------------------------------------------

  function indentOf(line) {
    return line.length - line.replace(/^ +/, '').length;
  }

  function isFiller(line) {
    var t = line.trim();
    return t === '' || t.charAt(0) === '#';
  }

  /**
   * Splits the lines of a block (a map's entries or a list's items) into entries. Each entry has
   * `lead` (comment and blank lines before it), `lines` (its own text) and its parsed `value`.
   */
  function splitBlock(lines, isList) {
    var base = null;
    lines.forEach(function (l) {
      if (!isFiller(l) && base === null) base = indentOf(l);
    });
    var entries = [], lead = [], current = null;
    lines.forEach(function (l) {
      var starts = !isFiller(l) && indentOf(l) === base &&
        (isList ? /^-( |$)/.test(l.slice(base)) : !/^-( |$)/.test(l.slice(base)));
      if (starts) {
        current = { lead: lead, lines: [l] };
        entries.push(current);
        lead = [];
      } else if (isFiller(l) && (current === null || indentOf(l) <= base)) {
        lead.push(l);
      } else if (current !== null) {
        current.lines = current.lines.concat(lead, [l]);
        lead = [];
      } else {
        lead.push(l);
      }
    });
    entries.forEach(function (e) {
      var text = e.lines.map(function (l) { return l.slice(base); }).join('\n');
      var parsed = load(text);
      if (isList) {
        e.value = Array.isArray(parsed) ? parsed[0] : undefined;
      } else {
        e.key = isObject(parsed) ? Object.keys(parsed)[0] : undefined;
        e.value = isObject(parsed) ? clean(parsed[e.key]) : undefined;
      }
      if (isList) e.value = clean(e.value);
    });
    return { entries: entries, tail: lead, indent: base === null ? 0 : base };
  }

  /** An entry whose header line is just `key:` (its value on the following lines). */
  function blockHeader(entry) {
    return /^\s*[^\s#][^:]*:\s*$/.test(entry.lines[0]) ? entry.lines[0] : null;
  }

  /**
   * Lines for the map `obj`, keeping the text of the original entries whose value is the same.
   * `original` is a split block (or null for a new record).
   */
  function writeMap(obj, original, indent, fields) {
    if (!original || original.entries.length === 0) {
      return emitMapLines(obj, indent, fields);
    }
    var byKey = {};
    original.entries.forEach(function (e) { if (e.key !== undefined) byKey[e.key] = e; });
    // Keys kept where they were; new keys go in their schema.py position.
    var keys = original.entries.map(function (e) { return e.key; })
      .filter(function (k) { return k !== undefined && k in obj; });
    var rank = {};
    (fields || []).forEach(function (f, i) { rank[f.name] = i; });
    orderKeys(Object.keys(obj), fields).forEach(function (k) {
      if (keys.indexOf(k) !== -1) return;
      var at = keys.length;
      if (k in rank) {
        for (var i = 0; i < keys.length; i++) {
          if (keys[i] in rank && rank[keys[i]] > rank[k]) { at = i; break; }
        }
      }
      keys.splice(at, 0, k);
    });
    var lines = [];
    keys.forEach(function (k) {
      var e = byKey[k], v = obj[k];
      if (e && equal(e.value, v)) {
        lines = lines.concat(e.lead, e.lines);
        return;
      }
      var at = e ? indentOf(e.lines[0]) : indent;
      if (e) lines = lines.concat(e.lead);
      var header = e && blockHeader(e);
      var sub = childFields(fields, k);
      if (header && Array.isArray(v) && Array.isArray(e.value)) {
        lines.push(header);
        lines = lines.concat(writeList(v, splitBlock(e.lines.slice(1), true), at + 2, sub));
      } else if (header && isObject(v) && isObject(e.value)) {
        lines.push(header);
        lines = lines.concat(writeMap(v, splitBlock(e.lines.slice(1), false), at + 2, sub));
      } else {
        lines = lines.concat(emitEntry(k, v, at, fields));
      }
    });
    return lines.concat(original.tail);
  }

  /** Lines for the list `arr`, keeping the text of original items that are unchanged. */
  function writeList(arr, original, indent, fields) {
    if (!original || original.entries.length === 0) return emitItems(arr, indent, fields);
    var at = original.indent;
    var used = original.entries.map(function () { return false; });
    var lines = [];
    arr.forEach(function (item, i) {
      var j = original.entries.findIndex(function (e, n) { return !used[n] && equal(e.value, item); });
      if (j !== -1) {
        used[j] = true;
        lines = lines.concat(original.entries[j].lead, original.entries[j].lines);
        return;
      }
      var same = original.entries[i];
      if (same && !used[i] && isObject(item) && isObject(same.value) &&
          !/^\s*-\s*\{/.test(same.lines[0])) {
        // The same item with some keys changed: keep the others' text.
        used[i] = true;
        var inner = same.lines.slice();
        inner[0] = pad(at) + ' ' + inner[0].slice(at + 1);
        var mapped = writeMap(item, splitBlock(inner, false), at + 2, fields);
        mapped[0] = pad(at) + '-' + mapped[0].slice(at + 1);
        lines = lines.concat(same.lead, mapped);
        return;
      }
      lines = lines.concat(emitItem(item, at, fields));
    });
    return lines.concat(original.tail);
  }

  // -- files -----------------------------------------------------------------------------------

  /** `{front, body}`: the YAML between the `---` lines and everything after them. */
  function splitFrontMatter(text) {
    var lines = text.replace(/\r\n?/g, '\n').split('\n');
    if (lines[0].trim() !== '---') return { front: null, body: text };
    for (var i = 1; i < lines.length; i++) {
      if (lines[i].trim() === '---' || lines[i].trim() === '...') {
        return { front: lines.slice(1, i), body: lines.slice(i + 1).join('\n') };
      }
    }
    return { front: null, body: text };
  }

  function bodyText(tail) {
    return tail.replace(/^\n+/, '');
  }

  function readRecord(text) {
    text = text.replace(/^\ufeff/, '');
    var parts = splitFrontMatter(text);
    var data = parts.front ? load(parts.front.join('\n')) : {};
    if (!isObject(data)) data = {};
    var body = bodyText(parts.body);
    if (body.trim()) data.body = body;
    data[ORIGINAL] = text;
    return data;
  }

  function joinLines(lines) {
    return lines.length ? lines.join('\n') + '\n' : '';
  }

  function writeRecord(data, fields) {
    var original = typeof data[ORIGINAL] === 'string' ? data[ORIGINAL] : null;
    var body = typeof data.body === 'string' ? data.body.normalize('NFC') : '';
    var parts = original ? splitFrontMatter(original.replace(/^\ufeff/, '')) : null;
    var meta = keepEmpty(clean(data), data,
      parts && parts.front ? parsedOrNull(parts.front.join('\n')) : null);
    delete meta.body;
    var block = parts && parts.front ? splitBlock(parts.front, false) : null;
    var front = joinLines(writeMap(meta, block, 0, fields));
    var tail;
    if (parts && bodyText(parts.body) === body) {
      tail = parts.body;
    } else {
      tail = body.trim() ? '\n' + body.replace(/\s*$/, '') + '\n' : '';
    }
    return '---\n' + front + '---\n' + tail;
  }

  function readData(text) {
    var value = load(text.replace(/^\ufeff/, ''));
    var data = Array.isArray(value) ? {} : (isObject(value) ? value : {});
    if (Array.isArray(value)) data[LIST_KEY] = value;
    data[ORIGINAL] = text;
    return data;
  }

  function writeData(data, fields) {
    var original = typeof data[ORIGINAL] === 'string' ? data[ORIGINAL].replace(/^\ufeff/, '') : null;
    var meta = keepEmpty(clean(data), data, original ? parsedOrNull(original) : null);
    var lines = original ? original.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n') : [];
    var keys = Object.keys(meta);
    if (keys.length === 1 && keys[0] === LIST_KEY && Array.isArray(meta[LIST_KEY])) {
      var listFields = childFields(fields, LIST_KEY);
      return joinLines(writeList(meta[LIST_KEY], original ? splitBlock(lines, true) : null, 0,
        listFields));
    }
    return joinLines(writeMap(meta, original ? splitBlock(lines, false) : null, 0, fields));
  }

  // -- choosing the field declarations of a file ---------------------------------------------

  /** The collection (or data file) whose fields hold most of `keys`. */
  function fieldsFor(config, keys) {
    var best = null, score = -1;
    ((config && config.collections) || []).forEach(function (c) {
      var candidates = c.files ? c.files.map(function (f) { return f.fields; }) : [c.fields];
      candidates.forEach(function (fields) {
        if (!fields) return;
        var names = fields.map(function (f) { return f.name; });
        var s = keys.filter(function (k) { return names.indexOf(k) !== -1; }).length;
        if (s > score) { best = fields; score = s; }
      });
    });
    return best;
  }

  /** NFC for every string of Decap's entry data (Immutable collections, mapped in place). */
  function nfcData(v, key) {
    if (key === ORIGINAL) return v;
    if (typeof v === 'string') return v.normalize('NFC');
    if (v && typeof v.map === 'function' && typeof v.toJS === 'function') return v.map(nfcData);
    return v;
  }

  // -- links to records kept in a folder each --------------------------------------------------

  /**
   * Decap names an entry stored as `profiles/<slug>/index.md` "<slug>/index"; the files link
   * to it by "<slug>" (the folder, as the checks read it). `suffixes` maps each relation field
   * to such a collection: the suffix is added when a file is read and taken off when written.
   */
  function linkSuffixes(config) {
    var byName = {};
    ((config && config.collections) || []).forEach(function (c) {
      if (c.path && /\/index$/.test(c.path)) byName[c.name] = '/index';
    });
    return byName;
  }

  function relinked(data, fields, suffixes, adding) {
    if (!fields) return data;
    var out = {};
    Object.keys(data).forEach(function (k) {
      var f = fields.filter(function (x) { return x.name === k; })[0];
      var v = data[k];
      if (f && f.widget === 'relation' && suffixes[f.collection]) {
        var sfx = suffixes[f.collection];
        var fix = function (s) {
          if (typeof s !== 'string') return s;
          if (adding) return /\/index$/.test(s) ? s : s + sfx;
          return s.slice(-sfx.length) === sfx ? s.slice(0, -sfx.length) : s;
        };
        v = Array.isArray(v) ? v.map(fix) : fix(v);
      } else if (f && f.fields && Array.isArray(v)) {
        v = v.map(function (item) { return isObject(item) ? relinked(item, f.fields, suffixes, adding) : item; });
      } else if (f && f.fields && isObject(v)) {
        v = relinked(v, f.fields, suffixes, adding);
      }
      out[k] = v;
    });
    return out;
  }

  // -- photos over the budget ----------------------------------------------------------------

  /** [width, height] fitted inside a square of `longEdge` (never enlarged). */
  function fitInside(width, height, longEdge) {
    var scale = Math.min(1, longEdge / Math.max(width, height));
    return [Math.round(width * scale), Math.round(height * scale)];
  }

  var QUALITIES = [0.9, 0.85, 0.8, 0.7, 0.6];

  /** The photo itself when within the budget, else a JPEG that fits it. */
  function shrink(file, budget) {
    return createImageBitmap(file, { imageOrientation: 'from-image' }).then(function (bitmap) {
      var size = fitInside(bitmap.width, bitmap.height, budget.longEdge);
      if (size[0] === bitmap.width && size[1] === bitmap.height && file.size <= budget.bytes) {
        return file;
      }
      var canvas = document.createElement('canvas');
      canvas.width = size[0];
      canvas.height = size[1];
      canvas.getContext('2d').drawImage(bitmap, 0, 0, size[0], size[1]);
      var name = file.name.replace(/\.[^.]*$/, '') + '.jpg';
      function attempt(i) {
        return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', QUALITIES[i]); })
          .then(function (blob) {
            if (blob.size <= budget.bytes || i === QUALITIES.length - 1) {
              return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
            }
            return attempt(i + 1);
          });
      }
      return attempt(0);
    });
  }

  /** Swaps an oversized photo for its shrunk copy before Decap's upload handler sees it. */
  function shrinkUploads(budget) {
    document.addEventListener('change', function (event) {
      var input = event.target;
      if (!input || input.type !== 'file' || input.dataset.guongsangAnh || !input.files ||
          input.files.length !== 1 || !/^image\/(jpeg|png|webp)$/.test(input.files[0].type)) {
        return;
      }
      event.stopImmediatePropagation();  // capture phase: Decap gets the shrunk copy instead
      shrink(input.files[0], budget).then(function (photo) {
        var files = new DataTransfer();
        files.items.add(photo);
        input.files = files.files;
        input.dataset.guongsangAnh = '1';
        input.dispatchEvent(new Event('change', { bubbles: true }));
        delete input.dataset.guongsangAnh;
      });
    }, true);
  }

  function pageBudget() {
    var data = document.documentElement.dataset;
    var longEdge = parseInt(data.anhCanhDai, 10), bytes = parseInt(data.anhByte, 10);
    return longEdge > 0 && bytes > 0 ? { longEdge: longEdge, bytes: bytes } : null;
  }

  // -- in the browser --------------------------------------------------------------------------

  function hideGlobalMedia(label) {
    function hide() {
      document.querySelectorAll('header button').forEach(function (b) {
        if (b.textContent.trim() === label) b.style.display = 'none';
      });
    }
    new MutationObserver(hide).observe(document.body, { childList: true, subtree: true });
    hide();
  }

  function merge(base, extra) {
    var out = {};
    Object.keys(base || {}).forEach(function (k) { out[k] = base[k]; });
    Object.keys(extra || {}).forEach(function (k) {
      out[k] = isObject(out[k]) && isObject(extra[k]) ? merge(out[k], extra[k]) : extra[k];
    });
    return out;
  }

  /** Loads config.yml, registers what this file adds, then starts Decap. */
  function start(CMS, completion) {
    return fetch('config.yml', { cache: 'no-cache' })
      .then(function (r) { return r.text(); })
      .then(function (text) {
        var config = load(text);
        var locale = merge(CMS.getLocale('vi'), completion);
        CMS.registerLocale('vi', locale);
        var suffixes = linkSuffixes(config);
        CMS.registerCustomFormat('guongsang-md', 'md', {
          fromFile: function (text) {
            var data = readRecord(text);
            return relinked(data, fieldsFor(config, Object.keys(data)), suffixes, true);
          },
          toFile: function (data) {
            var fields = fieldsFor(config, Object.keys(data));
            return writeRecord(relinked(data, fields, suffixes, false), fields);
          },
        });
        CMS.registerCustomFormat('guongsang-yml', 'yml', {
          fromFile: readData,
          toFile: function (data) {
            return writeData(data, fieldsFor(config, Object.keys(data)));
          },
        });
        CMS.registerEventListener({
          name: 'preSave',
          handler: function (event) {
            return nfcData(event.entry.get('data'));
          },
        });
        hideGlobalMedia(locale.app.header.media);
        var budget = pageBudget();
        if (budget) shrinkUploads(budget);
        config.load_config_file = false;
        CMS.init({ config: config });
        return config;
      });
  }

  return {
    ORIGINAL: ORIGINAL, LIST_KEY: LIST_KEY, plainOk: plainOk, scalar: scalar, clean: clean,
    readRecord: readRecord, writeRecord: writeRecord, readData: readData, writeData: writeData,
    fieldsFor: fieldsFor, merge: merge, start: start, linkSuffixes: linkSuffixes,
    fitInside: fitInside,
    relinked: relinked,
  };
});
