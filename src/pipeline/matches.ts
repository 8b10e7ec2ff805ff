/**
 * The matches of a global regular expression, one by one, as `String.prototype.matchAll`
 * gives them, without what `matchAll` costs on every call: a copy of the pattern (V8
 * initialises a new RegExp object each time: ~8 ms of a 10,000-claim check under `perf`)
 * and an iterator with a result object per match (docs/performance.md, item 18).
 *
 *   pattern.lastIndex = 0
 *   for (let match = nextMatch(pattern, text); match; match = nextMatch(pattern, text)) …
 *
 * The pattern is shared state: the loop must not call anything that uses the same pattern.
 */

/** The next match of the global `pattern` in `text` from its `lastIndex`; after an empty match, `lastIndex` moves on by one code point (`u`, `v`) or code unit, as `matchAll` does. */
export function nextMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  const match = pattern.exec(text)
  if (match !== null && match[0] === '') pattern.lastIndex = advance(text, pattern.lastIndex, pattern.unicode || pattern.flags.includes('v'))
  return match
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1
  const unit = text.charCodeAt(index)
  if (unit < 0xd800 || unit > 0xdbff) return index + 1
  const next = text.charCodeAt(index + 1)
  return next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1
}
