/**
 * `JSON.stringify(value, null, 2)`, given piece by piece. A report of 100,000 claims is
 * over 100 MB of JSON; written whole it is held twice (the string and the bytes written),
 * chunked it is never held at all. The chunks join to exactly the text of
 * `JSON.stringify` (`test/reporters/json-chunks.test.ts` checks it on generated values),
 * so the chunked and the whole output are byte for byte the same.
 *
 * Objects and short arrays are opened here (a SARIF log's one run holds every result);
 * the items of a long array (findings, results) go to `JSON.stringify` in batches, as do
 * values below `maxDepth`. A batch is stringified as the items of an array nested as deep
 * as the items are, so that `JSON.stringify` itself indents them.
 */

/** Levels of objects and arrays opened here at most; deeper values are stringified whole. */
const maxDepth = 4
/** Array items stringified together; an array longer than this is not opened item by item. */
const batchSize = 256

/** The pieces of `JSON.stringify(value, null, 2)` for a JSON-compatible value. */
export function* jsonChunks(value: unknown): Generator<string> {
  yield* chunksOf(value, 0)
}

/** The pieces of a JSON file: `JSON.stringify(value, null, 2)` and a trailing newline. */
export function* jsonDocumentChunks(value: unknown): Generator<string> {
  yield* jsonChunks(value)
  yield '\n'
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object' && typeof (value as {toJSON?: unknown}).toJSON !== 'function'
}

/** What `JSON.stringify` leaves out of an object (and writes as `null` in an array). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

function* chunksOf(value: unknown, level: number): Generator<string> {
  if (!isContainer(value)) {
    yield stringifyItems([value], level)
    return
  }
  const indent = '  '.repeat(level)
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]'
      return
    }
    yield `[\n${inner}`
    if (value.length > batchSize || level + 1 >= maxDepth) {
      for (let start = 0; start < value.length; start += batchSize) {
        // The separator is a piece of its own: joined to the batch's text (megabytes), it
        // would make V8 copy that text into a new string on its way to the output.
        if (start > 0) yield `,\n${inner}`
        yield stringifyItems(value.slice(start, start + batchSize), level + 1)
      }
    } else {
      for (let index = 0; index < value.length; index++) {
        if (index > 0) yield `,\n${inner}`
        const item: unknown = value[index]
        yield* chunksOf(isSkipped(item) ? null : item, level + 1)
      }
    }
    yield `\n${indent}]`
    return
  }
  const entries = Object.entries(value).filter(([, item]) => !isSkipped(item))
  if (entries.length === 0) {
    yield '{}'
    return
  }
  yield '{'
  for (const [index, [key, item]] of entries.entries()) {
    yield `${index === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `
    if (level + 1 >= maxDepth) yield stringifyItems([item], level + 1)
    else yield* chunksOf(item, level + 1)
  }
  yield `\n${indent}}`
}

/**
 * `items` as `JSON.stringify` writes them inside an array at `level` (each item's inner
 * lines indented past `level`), joined by `,` and a new line: the items are wrapped in
 * `level - 1` more arrays, stringified once, and the wrappers cut off.
 */
function stringifyItems(items: unknown[], level: number): string {
  if (level === 0) return JSON.stringify(items[0], null, 2) ?? 'null'
  let wrapped: unknown = items
  let prefix = '[\n  '
  let suffix = '\n]'
  for (let depth = 1; depth < level; depth++) {
    wrapped = [wrapped]
    prefix += `[\n${'  '.repeat(depth + 1)}`
    suffix = `\n${'  '.repeat(depth)}]${suffix}`
  }
  const text = JSON.stringify(wrapped, null, 2)
  return text.slice(prefix.length, text.length - suffix.length)
}
