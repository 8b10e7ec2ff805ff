/**
 * `JSON.stringify(value, null, 2)`, given piece by piece. A report of 100,000 claims is
 * over 100 MB of JSON; written whole it is held twice (the string and the bytes written),
 * chunked it is never held at all. The chunks join to exactly the text of
 * `JSON.stringify` (`test/reporters/json-chunks.test.ts` checks it on generated values),
 * so the chunked and the whole output are byte for byte the same.
 */

/** How many levels of objects and arrays are split into chunks; deeper values are one chunk each. */
const splitDepth = 3

/** The pieces of `JSON.stringify(value, null, 2)` for a JSON-compatible value. */
export function* jsonChunks(value: unknown): Generator<string> {
  yield* chunksOf(value, '', 0)
}

function* chunksOf(value: unknown, indent: string, depth: number): Generator<string> {
  if (depth >= splitDepth || value === null || typeof value !== 'object' || typeof (value as {toJSON?: unknown}).toJSON === 'function') {
    yield indented(JSON.stringify(value, null, 2) ?? 'null', indent)
    return
  }
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]'
      return
    }
    yield '['
    for (let index = 0; index < value.length; index++) {
      yield `${index === 0 ? '' : ','}\n${inner}`
      // `JSON.stringify` writes `null` for array items it cannot represent.
      const item: unknown = value[index]
      yield* chunksOf(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item, inner, depth + 1)
    }
    yield `\n${indent}]`
    return
  }
  // Object members it cannot represent are left out, as `JSON.stringify` does.
  const entries = Object.entries(value).filter(([, item]) => item !== undefined && typeof item !== 'function' && typeof item !== 'symbol')
  if (entries.length === 0) {
    yield '{}'
    return
  }
  yield '{'
  for (const [index, [key, item]] of entries.entries()) {
    yield `${index === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `
    yield* chunksOf(item, inner, depth + 1)
  }
  yield `\n${indent}}`
}

/** A nested value's own JSON, shifted right: JSON text has no raw newline inside strings. */
function indented(json: string, indent: string): string {
  return indent === '' ? json : json.replaceAll('\n', `\n${indent}`)
}
