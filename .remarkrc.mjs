// remark configuration: checks the front matter of each record against the JSON Schema that
// `guongsang schema` generates (schemas/*.schema.json), and nothing else.
//
// Used by the VS Code extension unifiedjs.vscode-remark (recommended in .vscode/extensions.json,
// installed in Codespaces), which runs it while typing and underlines a wrong field, and by
// `node_modules/.bin/remark` (tests/test_editor_schema.py). The Red Hat YAML extension cannot do
// this: it does not read front matter in Markdown (redhat-developer/vscode-yaml#207).
//
// * Two packages: remark-frontmatter (so the YAML block is parsed) and
//   remark-lint-frontmatter-schema (ajv validation, message at the offending key or value),
//   plus the two small local plugins below. No remark-lint style rules.
// * remark never rewrites a file: `keepSourceText` replaces remark's serializer with one that
//   gives back the text as it was, so "Format Document" with remark and `remark -o` change
//   nothing.
// * `vietnameseMessages` rewrites ajv's English messages for the editors, in the words of
//   `guongsang check`, and puts an unknown key's message on that key (the plugin leaves it on
//   line 1 without naming the key).
//
// The schema is an aid while typing; `guongsang check` stays the authority (conditions of the
// awards, links between records, dates in the future, …).
import remarkFrontmatter from 'remark-frontmatter'
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema'
import {LineCounter, isMap, isPair, isScalar, parseDocument} from 'yaml'

// Same records as the loader (src/guongsang/load/corpus.py): a section's index.md and the
// profiles/_mau folder are not records.
const SCHEMAS = {
  'schemas/ho-so.schema.json': ['profiles/!(_mau)/index.md'],
  'schemas/mo-hinh.schema.json': ['content/mo-hinh/!(index).md'],
  'schemas/phong-trao.schema.json': ['content/phong-trao/!(index).md'],
  'schemas/tin-bai.schema.json': ['stories/*/index.md'],
  // Internal records of the commendation process (when kept in this repository's noi-bo/).
  'schemas/de-nghi.schema.json': ['noi-bo/de-nghi/*.md'],
  'schemas/hop-hoi-dong.schema.json': ['noi-bo/hop-hoi-dong/*.md']
}

// As TYPE_NAMES in src/guongsang/load/conform.py.
const TYPE_NAMES = {
  string: 'một đoạn chữ',
  integer: 'một số nguyên',
  number: 'một số',
  boolean: 'true hoặc false',
  array: 'một danh sách (mỗi mục một dòng, bắt đầu bằng `- `)',
  object: 'một nhóm trường con',
  null: 'để trống'
}

function keepSourceText() {
  this.compiler = (_tree, file) => String(file.value)
}

function vietnameseMessages() {
  return (tree, file) => {
    const yamlNode = tree.children.find((node) => node.type === 'yaml')
    if (!yamlNode || !yamlNode.position) return
    const lines = new LineCounter()
    const doc = parseDocument(yamlNode.value, {lineCounter: lines})
    const fence = yamlNode.position.start.line
    const point = (offset) => {
      const {line, col} = lines.linePos(offset)
      return {line: line + fence, column: col}
    }
    if (doc.errors.length > 0) {
      // Broken YAML: the schema messages would only follow from it; say where it breaks.
      for (let i = file.messages.length - 1; i >= 0; i--) {
        if (file.messages[i].ruleId === 'frontmatter-schema') file.messages.splice(i, 1)
      }
      for (const error of doc.errors) {
        const message = file.message(
          'Phần thông tin (YAML) sai cú pháp từ chỗ này. Kiểm tra: có dấu cách sau dấu hai ' +
            'chấm, thụt đầu dòng bằng dấu cách (không dùng Tab), ngoặc và ngoặc kép có đủ cả ' +
            'mở lẫn đóng.',
          {place: {start: point(error.pos[0]), end: point(error.pos[1])},
            ruleId: 'yaml-cu-phap', source: 'guongsang'})
        message.note = error.message.split('\n')[0]
      }
      return
    }
    for (const message of file.messages) {
      const error = message.ruleId === 'frontmatter-schema' ? message.schema : undefined
      if (error && typeof error.keyword === 'string') {
        rewrite(message, error, doc, point)
      }
    }
  }
}

function rewrite(message, error, doc, point) {
  const path = error.instancePath.split('/').slice(1).map(unescapePointer)
  const where = label(path)
  const inside = path.length > 0 ? ` trong mục \`${where}\`` : ''
  const parent = error.parentSchema || {}
  const params = error.params || {}
  const field = parent.properties || {}
  const key = path.filter((part) => !/^\d+$/.test(part)).pop()
  let reason
  let note = describe(parent, key)
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = params.additionalProperty
      const known = Object.keys(field)
      const guess = closest(unknown, known)
      reason = `Trường \`${unknown}\` không có${inside || ' trong mẫu này'}.`
      if (guess) reason += ` Có phải ý bạn là \`${guess}\`?`
      note = 'Các trường hợp lệ: ' + known.map((k) => `\`${k}\``).join(', ') + '.'
      const pair = pairOf(doc, path, unknown)
      if (pair && pair.key && pair.key.range) {
        place(message, point(pair.key.range[0]), point(pair.key.range[1]))
        message.actual = unknown
        message.expected = guess ? [guess] : undefined
      }
      break
    }
    case 'required': {
      const missing = params.missingProperty
      reason = `Thiếu trường bắt buộc \`${missing}\`${inside}.`
      note = describe(field[missing] || {}, missing)
      if (path.length === 0) {
        // Nothing to point at: the opening `---` of the front matter.
        const start = point(0)
        place(message, {line: start.line - 1, column: 1}, {line: start.line - 1, column: 4})
      }
      break
    }
    case 'enum': {
      const values = params.allowedValues || []
      const names = parent.enumDescriptions || []
      const shown = values.filter((v) => v !== null)
      const guess = typeof error.data === 'string' ? closest(error.data, shown) : ''
      reason = `Giá trị ${show(error.data)} của \`${where}\` không có trong danh sách.`
      if (guess) {
        reason += ` Có phải ý bạn là \`${guess}\`?`
        message.expected = [guess, ...values.filter((v) => v !== guess)]
      }
      note = 'Các giá trị hợp lệ: ' +
        values.map((v, i) => (v === null ? '(để trống)' : `\`${v}\`` +
          (names[i] ? ` (${names[i]})` : ''))).join(', ') + '.'
      break
    }
    case 'type': {
      const types = [].concat(params.type || parent.type).join(',').split(',')
      reason = `\`${where}\` phải là ${types.map((t) => TYPE_NAMES[t] || t).join(' hoặc ')}.`
      break
    }
    case 'pattern': {
      const example = (parent.examples || [])[0]
      reason = `\`${where}\` viết không đúng dạng` +
        (typeof example === 'string' ? `; ví dụ đúng: \`${example}\`.` : '.')
      break
    }
    case 'minLength':
      reason = `\`${where}\` đang để trống.`
      break
    case 'maxLength':
      reason = `\`${where}\` dài ${[...String(error.data)].length} ký tự; tối đa ${params.limit} ký tự.`
      break
    case 'minItems':
      reason = `Danh sách \`${where}\` cần ít nhất ${params.limit} mục.`
      break
    case 'minimum':
      reason = `\`${where}\` phải từ ${params.limit} trở lên.`
      break
    default:
      return
  }
  message.reason = reason
  message.message = reason
  message.note = note || undefined
}

// `khen_thuong/0/nam` -> `khen_thuong[1].nam` (as format_path in src/guongsang/load/yamlsrc.py).
function label(path) {
  let out = ''
  for (const part of path) {
    if (/^\d+$/.test(part)) out += `[${Number(part) + 1}]`
    else out += out ? `.${part}` : part
  }
  return out
}

function unescapePointer(part) {
  return part.replace(/~1/g, '/').replace(/~0/g, '~')
}

function describe(schema, key) {
  const parts = []
  if (schema.description) parts.push(schema.description)
  if (Array.isArray(schema.examples) && schema.examples.length > 0) {
    const example = schema.examples[0]
    if (example !== null && typeof example !== 'object') {
      parts.push(`Ví dụ: ${key ? key + ': ' : ''}${example}`)
    }
  }
  return parts.join('\n')
}

function show(value) {
  if (value === null || value === undefined) return '(để trống)'
  return '`' + (typeof value === 'string' ? value : JSON.stringify(value)) + '`'
}

function pairOf(doc, path, key) {
  const node = path.length > 0 ? doc.getIn(path, true) : doc.contents
  if (!isMap(node)) return undefined
  return node.items.find((item) => isPair(item) && isScalar(item.key) &&
    String(item.key.value) === key)
}

function place(message, start, end) {
  message.place = {start, end}
  message.position = {start, end}
  message.line = start.line
  message.column = start.column
}

// The most similar choice, when similar enough (like difflib's cutoff 0.6 in conform.py).
function closest(word, choices) {
  let best = ''
  let bestScore = 0.6
  for (const choice of choices) {
    const score = 1 - distance(word, choice) / Math.max(word.length, choice.length, 1)
    if (score > bestScore || (score === bestScore && !best)) {
      best = choice
      bestScore = score
    }
  }
  return best
}

function distance(a, b) {
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = row
  }
  return previous[b.length]
}

export default {
  plugins: [
    remarkFrontmatter,
    [remarkLintFrontmatterSchema, {schemas: SCHEMAS, ajvOptions: {verbose: true}}],
    vietnameseMessages,
    keepSourceText
  ]
}
