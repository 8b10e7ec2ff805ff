/**
 * A brace-aware scanner for BibTeX structure: where each `@type{key,`, each field and each
 * `@string` starts and ends, and what their values are made of. It does not interpret
 * LaTeX (that is `@retorquere/bibtex-parser`'s job); it exists because no parser reports
 * positions, and because a bibliography must survive one broken entry.
 *
 * One pass, character by character, no regular expressions over the input: every failure
 * resynchronises forward from where it happened, so the work stays linear in the input.
 */

export interface ScannedPart {
  kind: 'braced' | 'quoted' | 'number' | 'macro'
  /** The text inside the delimiters (or the number / macro name as written). */
  text: string
  start: number
  end: number
}

export interface ScannedValue {
  parts: ScannedPart[]
  start: number
  end: number
}

export interface ScannedField {
  /** Lower-case field name. */
  name: string
  /** Offset of the field name. */
  start: number
  /** Offset just after the value. */
  end: number
  value: ScannedValue
}

export interface ScannedEntry {
  kind: 'entry'
  /** Lower-case entry type. */
  type: string
  /** Absent when no key could be read (the entry is then only a problem). */
  key?: string
  /** Offset of `@`. */
  start: number
  /** Offset just after `@type{key,` (or after the key when the comma is missing). */
  headerEnd: number
  /** Offset just after the closing delimiter, or where scanning of the entry stopped. */
  end: number
  fields: ScannedField[]
  /** The delimiter that closes this entry: `}` or `)`. */
  closer: '}' | ')'
  closed: boolean
}

export interface ScannedString {
  kind: 'string'
  /** Lower-case macro name: BibTeX macro names are case-insensitive. */
  name: string
  start: number
  end: number
  value: ScannedValue
}

export interface ScanProblem {
  reason: string
  start: number
  end?: number
  key?: string
  note?: string
}

export interface Scan {
  /** Entries and `@string` definitions in file order (comments and preambles are skipped). */
  items: Array<ScannedEntry | ScannedString>
  problems: ScanProblem[]
}

/** A failure inside a value: where it is, and why. */
class ValueError {
  constructor(
    readonly reason: string,
    readonly start: number,
    readonly end?: number
  ) {}
}

const codeOf = (character: string): number => character.charCodeAt(0)
const at = codeOf('@')
const openBrace = codeOf('{')
const closeBrace = codeOf('}')
const openParen = codeOf('(')
const closeParen = codeOf(')')
const quote = codeOf('"')
const hash = codeOf('#')
const percent = codeOf('%')
const comma = codeOf(',')
const equals = codeOf('=')
const backslash = codeOf('\\')
const newline = 10
const carriageReturn = 13

function isWhitespace(code: number): boolean {
  // Space, tab, line ends, form feed, vertical tab, no-break space and a stray BOM.
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff
}

/** Characters BibTeX forbids in identifiers (entry types, field and macro names). */
function isIdentifierCharacter(code: number): boolean {
  if (Number.isNaN(code) || isWhitespace(code)) return false
  switch (code) {
    case quote:
    case hash:
    case percent:
    case codeOf("'"):
    case openParen:
    case closeParen:
    case comma:
    case equals:
    case openBrace:
    case closeBrace:
    case at:
      return false
    default:
      return true
  }
}

/** Citation keys may hold more than identifiers (`baez/article`, `a:b+c`), but never a delimiter. */
function isKeyCharacter(code: number, closer: number): boolean {
  if (Number.isNaN(code) || isWhitespace(code)) return false
  switch (code) {
    case comma:
    case openBrace:
    case closeBrace:
    case equals:
    case quote:
    case hash:
    case percent:
    case at:
      return false
    default:
      return code !== closer
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** Show one character of the input in a message. */
function shown(text: string, offset: number): string {
  if (offset >= text.length) return 'end of file'
  const character = text[offset] ?? ''
  if (character === '\n' || character === '\r') return 'line end'
  return '`' + character + '`'
}

export function scanBibtex(text: string): Scan {
  const length = text.length
  const items: Scan['items'] = []
  const problems: ScanProblem[] = []
  let position = 0

  const code = (offset: number): number => text.charCodeAt(offset)

  function skipSpace(): void {
    while (position < length) {
      const current = code(position)
      if (isWhitespace(current)) position++
      else if (current === percent) skipLine()
      else break
    }
  }

  function skipLine(): void {
    while (position < length && code(position) !== newline && code(position) !== carriageReturn) position++
  }

  function readIdentifier(): string {
    const start = position
    while (position < length && isIdentifierCharacter(code(position))) position++
    return text.slice(start, position)
  }

  /** Move to the next `@` that starts a line (after indentation), from `offset` on. */
  function resynchronise(offset: number): void {
    let index = offset
    while (index < length) {
      const current = code(index)
      if (current === newline || current === carriageReturn) {
        index++
        while (index < length && (code(index) === 32 || code(index) === 9)) index++
        if (code(index) === at) {
          position = index
          return
        }
      } else index++
    }
    position = length
  }

  /**
   * Whether a line that starts at `offset` opens a new entry (`@type{` or `@type(`).
   * Used inside values so that one unbalanced brace cannot swallow the rest of the file.
   */
  function opensEntry(offset: number): boolean {
    let index = offset
    while (index < length && (code(index) === 32 || code(index) === 9)) index++
    if (code(index) !== at) return false
    index++
    const nameStart = index
    while (index < length && isIdentifierCharacter(code(index))) index++
    if (index === nameStart) return false
    while (index < length && (code(index) === 32 || code(index) === 9)) index++
    return code(index) === openBrace || code(index) === openParen
  }

  const braceUnclosed = 'Unexpected unclosed `{`, expected a matching `}`'
  const quoteUnclosed = 'Unexpected unclosed `"`, expected a closing `"`'

  /**
   * At the start of a line inside a value that is still open: when an entry starts there,
   * the value was never closed, and the error stops before that entry so it still loads.
   */
  function stopAtNextEntry(index: number, start: number, unclosed: string): void {
    if (!opensEntry(index)) return
    position = index
    throw new ValueError(`${unclosed} before the next entry`, start, start + 1)
  }

  function unclosedAtEnd(start: number, unclosed: string): never {
    position = length
    throw new ValueError(`${unclosed} before the end of the file`, start, start + 1)
  }

  /** A `{…}` group starting at `position` (which holds `{`); returns the inner text. */
  function readBraced(): ScannedPart {
    const start = position
    let depth = 0
    let index = position + 1
    while (index < length) {
      const current = code(index)
      if (current === backslash) index += 2
      else if (current === openBrace) {
        depth++
        index++
      } else if (current === closeBrace) {
        if (depth === 0) {
          position = index + 1
          return {kind: 'braced', text: text.slice(start + 1, index), start, end: position}
        }
        depth--
        index++
      } else if (current === newline || current === carriageReturn) {
        index++
        stopAtNextEntry(index, start, braceUnclosed)
      } else index++
    }
    unclosedAtEnd(start, braceUnclosed)
  }

  /** A `"…"` value starting at `position`; braces inside must balance, as BibTeX requires. */
  function readQuoted(): ScannedPart {
    const start = position
    let depth = 0
    let index = position + 1
    while (index < length) {
      const current = code(index)
      if (current === backslash) index += 2
      else if (current === openBrace) {
        depth++
        index++
      } else if (current === closeBrace) {
        if (depth === 0) {
          position = index
          throw new ValueError('Unexpected `}` inside a quoted value, expected braces to balance', index, index + 1)
        }
        depth--
        index++
      } else if (current === quote && depth === 0) {
        position = index + 1
        return {kind: 'quoted', text: text.slice(start + 1, index), start, end: position}
      } else if (current === newline || current === carriageReturn) {
        index++
        stopAtNextEntry(index, start, quoteUnclosed)
      } else index++
    }
    unclosedAtEnd(start, quoteUnclosed)
  }

  /** `part # part # …` */
  function readValue(): ScannedValue {
    const parts: ScannedPart[] = []
    const start = position
    for (;;) {
      skipSpace()
      const current = code(position)
      if (current === openBrace) parts.push(readBraced())
      else if (current === quote) parts.push(readQuoted())
      else if (isDigit(current)) {
        const partStart = position
        while (position < length && isDigit(code(position))) position++
        parts.push({kind: 'number', text: text.slice(partStart, position), start: partStart, end: position})
      } else if (isIdentifierCharacter(current)) {
        const partStart = position
        const name = readIdentifier()
        parts.push({kind: 'macro', text: name, start: partStart, end: position})
      } else {
        throw new ValueError(`Unexpected ${shown(text, position)}, expected a value (\`{…}\`, \`"…"\`, a number or a macro)`, position)
      }
      const end = position
      skipSpace()
      if (code(position) === hash) {
        position++
        continue
      }
      position = end
      return {parts, start: parts[0]?.start ?? start, end}
    }
  }

  /** Skip a `{…}` or `(…)` body that holds no entry data (`@comment`, `@preamble`). */
  function skipGroup(closer: number): void {
    let depth = 0
    while (position < length) {
      const current = code(position)
      if (current === backslash) position += 2
      else if (current === openBrace) {
        depth++
        position++
      } else if (current === closeBrace && depth > 0) {
        depth--
        position++
      } else if (current === closer && depth === 0) {
        position++
        return
      } else if (current === newline || current === carriageReturn) {
        position++
        if (opensEntry(position)) return
      } else position++
    }
  }

  function scanString(start: number, closer: number): void {
    skipSpace()
    const name = readIdentifier()
    if (!name) {
      problems.push({reason: `Unexpected ${shown(text, position)} in \`@string\`, expected a macro name`, start: position})
      resynchronise(position)
      return
    }
    skipSpace()
    if (code(position) !== equals) {
      problems.push({reason: `Unexpected ${shown(text, position)} after \`@string\` name \`${name}\`, expected \`=\``, start: position})
      resynchronise(position)
      return
    }
    position++
    let value: ScannedValue
    try {
      value = readValue()
    } catch (error) {
      if (!(error instanceof ValueError)) throw error
      problems.push(valueProblem(error))
      resynchronise(position)
      return
    }
    skipSpace()
    if (code(position) !== closer) {
      problems.push({
        reason: `Unexpected ${shown(text, position)} in \`@string\` \`${name}\`, expected \`${String.fromCharCode(closer)}\` to close it`,
        start: position
      })
      items.push({kind: 'string', name: name.toLowerCase(), start, end: position, value})
      resynchronise(position)
      return
    }
    position++
    items.push({kind: 'string', name: name.toLowerCase(), start, end: position, value})
  }

  function valueProblem(error: ValueError, key?: string): ScanProblem {
    const problem: ScanProblem = {reason: error.reason, start: error.start}
    if (error.end !== undefined) problem.end = error.end
    if (key !== undefined) problem.key = key
    return problem
  }

  function scanEntry(start: number, type: string, closerCode: number): void {
    const closer = closerCode === closeBrace ? '}' : ')'
    skipSpace()
    const keyStart = position
    while (position < length && isKeyCharacter(code(position), closerCode)) position++
    let key: string | undefined = text.slice(keyStart, position)
    skipSpace()
    const entry: ScannedEntry = {kind: 'entry', type, start, headerEnd: position, end: position, fields: [], closer, closed: false}

    if (code(position) === equals && key) {
      // `@book{title = …`: the word read as a key is the first field name.
      problems.push({
        reason: `Unexpected field \`${key}\` where the citation key belongs, expected \`@${type}{key,\``,
        start: keyStart,
        end: keyStart + key.length
      })
      key = undefined
      position = keyStart
    } else if (!key) {
      problems.push({
        reason: `Unexpected ${shown(text, position)} after \`@${type}{\`, expected a citation key`,
        start: position
      })
      key = undefined
      if (code(position) === comma) position++
      else if (code(position) !== closerCode) {
        resynchronise(position)
        return
      }
    } else if (code(position) === comma) {
      position++
    } else if (code(position) !== closerCode) {
      problems.push({
        reason: `Unexpected ${shown(text, position)} after the key \`${key}\`, expected \`,\``,
        start: position,
        key
      })
    }
    if (key !== undefined) entry.key = key
    entry.headerEnd = position
    items.push(entry)
    scanFields(entry, closerCode)
  }

  function scanFields(entry: ScannedEntry, closerCode: number): void {
    const key = entry.key
    const label = key === undefined ? `\`@${entry.type}\` entry` : `entry \`${key}\``
    const stop = (problem: ScanProblem, resumeAt: number): void => {
      if (key !== undefined) problem.key = key
      problems.push(problem)
      entry.end = position
      resynchronise(resumeAt)
    }
    const unterminated = (): void => {
      const problem: ScanProblem = {
        reason: `Unexpected end of ${label} without \`${entry.closer}\`, expected \`${entry.closer}\` to close it`,
        start: entry.start,
        end: entry.headerEnd
      }
      if (position < length) problem.note = 'Scanning stopped where the next entry starts.'
      if (key !== undefined) problem.key = key
      problems.push(problem)
      entry.end = position
    }

    for (;;) {
      skipSpace()
      if (position >= length) return unterminated()
      const current = code(position)
      if (current === closerCode) {
        position++
        entry.closed = true
        entry.end = position
        checkAfterEntry(entry)
        return
      }
      if (current === comma) {
        position++
        continue
      }
      if (current === at) return unterminated()
      const nameStart = position
      const name = readIdentifier()
      if (!name) {
        return stop(
          {reason: `Unexpected ${shown(text, position)} in ${label}, expected a field name or \`${entry.closer}\``, start: position},
          position
        )
      }
      skipSpace()
      if (code(position) !== equals) {
        return stop(
          {reason: `Unexpected ${shown(text, position)} after field \`${name}\`, expected \`=\``, start: position},
          position
        )
      }
      position++
      let value: ScannedValue
      try {
        value = readValue()
      } catch (error) {
        if (!(error instanceof ValueError)) throw error
        const problem = valueProblem(error, key)
        problem.note = `In field \`${name.toLowerCase()}\` of ${label}.`
        problems.push(problem)
        entry.end = position
        resynchronise(Math.max(position - 1, error.start))
        return
      }
      entry.fields.push({name: name.toLowerCase(), start: nameStart, end: value.end, value})
      skipSpace()
      const next = code(position)
      if (next === comma || next === closerCode || next === at || position >= length) continue
      if (isIdentifierCharacter(next) && followedByEquals(position)) {
        const problem: ScanProblem = {
          reason: `Unexpected field \`${peekIdentifier(position)}\` without a \`,\` before it, expected \`,\` between fields`,
          start: position
        }
        if (key !== undefined) problem.key = key
        problems.push(problem)
        continue
      }
      return stop(
        {
          reason: `Unexpected ${shown(text, position)} after the value of \`${name.toLowerCase()}\`, expected \`,\` or \`${entry.closer}\``,
          start: position
        },
        position
      )
    }
  }

  function peekIdentifier(offset: number): string {
    let index = offset
    while (index < length && isIdentifierCharacter(code(index))) index++
    return text.slice(offset, index)
  }

  function followedByEquals(offset: number): boolean {
    let index = offset
    while (index < length && isIdentifierCharacter(code(index))) index++
    while (index < length && isWhitespace(code(index))) index++
    return code(index) === equals
  }

  /**
   * Text right after an entry is a comment to BibTeX, but `, year = 1990}` there almost
   * always means an extra `}` closed the entry early and the rest of it is being ignored.
   */
  function checkAfterEntry(entry: ScannedEntry): void {
    let index = position
    while (index < length && isWhitespace(code(index))) index++
    const next = code(index)
    const looksLikeField =
      next === comma || next === closeBrace || (isIdentifierCharacter(next) && !isDigit(next) && followedByEquals(index))
    if (!looksLikeField) return
    const problem: ScanProblem = {
      reason: `Unexpected ${next === comma || next === closeBrace ? shown(text, index) : 'field `' + peekIdentifier(index) + '`'} after the end of ${entry.key === undefined ? 'an entry' : 'entry `' + entry.key + '`'}, expected a new \`@entry\` (an extra \`}\` may have closed the entry early)`,
      start: index
    }
    if (entry.key !== undefined) problem.key = entry.key
    problems.push(problem)
  }

  while (position < length) {
    const current = code(position)
    if (current === percent) {
      skipLine()
      continue
    }
    if (current !== at) {
      position++
      continue
    }
    const start = position
    position++
    skipSpace()
    const typeWritten = readIdentifier()
    if (!typeWritten) {
      problems.push({reason: `Unexpected ${shown(text, position)} after \`@\`, expected an entry type`, start})
      position = Math.max(position, start + 1)
      continue
    }
    const type = typeWritten.toLowerCase()
    skipSpace()
    const opener = code(position)
    if (type === 'comment') {
      // BibTeX ignores the word itself; biber and JabRef put a braced body after it.
      if (opener === openBrace) {
        position++
        skipGroup(closeBrace)
      } else if (opener === openParen) {
        position++
        skipGroup(closeParen)
      } else skipLine()
      continue
    }
    if (opener !== openBrace && opener !== openParen) {
      problems.push({
        reason: `Unexpected ${shown(text, position)} after \`@${typeWritten}\`, expected \`{\``,
        start
      })
      continue
    }
    position++
    const closer = opener === openBrace ? closeBrace : closeParen
    if (type === 'preamble') skipGroup(closer)
    else if (type === 'string') scanString(start, closer)
    else scanEntry(start, type, closer)
  }

  return {items, problems}
}
