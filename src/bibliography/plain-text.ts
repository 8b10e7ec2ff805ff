/**
 * Field values as plain Unicode text, and a fast path for values that hold no LaTeX.
 *
 * `@retorquere/bibtex-parser` runs every field through a PEG grammar for LaTeX; that is
 * nearly all the time of reading a bibliography. Most values of a real bibliography are
 * plain (`{Princeton University Press}`, `{1956}`, `{Nagy, Imre and Kende, Péter}`): for
 * those the parser's result follows from a handful of its rules, reproduced here on a
 * small token tree that is shaped like the grammar's (strings, whitespace, groups). A
 * value with anything else (a backslash, but for an escaped `\&`, `\%`, `\$`, `\#` or
 * `\_`; `$`, `%`, `<`, `>`, a paragraph break, an unbalanced brace, a name the parser
 * would reject) is left to the parser: `plainFieldText` says so with `needsLatexParser`.
 * `test/bibliography/fast-path.test.ts` compares both paths on real files and on
 * generated values.
 */
import type {Creator} from '@retorquere/bibtex-parser'
import {fieldModes, type FieldModeName as ParserMode} from './field-modes.js'

/**
 * The parser renders markup as HTML (`<i>…</i>`). Literal angle brackets are swapped for
 * noncharacters before parsing, so that afterwards every `<…>` is markup to drop.
 */
export const lessThanStandIn = '\uFDD0'
export const greaterThanStandIn = '\uFDD1'

/** Name and literal lists (`author`, `publisher`, `location`, …) are joined with this. */
const listSeparator = '; '

/** The parser's value (a string, or a list of names or literals) as plain text. */
export function plainText(value: unknown): string | undefined {
  if (typeof value === 'string') return plainString(value)
  if (!Array.isArray(value)) return undefined
  const items = value.map((item: unknown) => (typeof item === 'string' ? plainString(item) : creatorText(item as Creator)))
  return items.filter((item) => item !== '').join(listSeparator)
}

/** `von Last, Jr, First` as BibTeX writes names; a corporate name as itself. */
function creatorText(creator: Creator): string {
  if (creator.name !== undefined) return plainString(creator.name)
  const last = [creator.prefix, creator.lastName].filter(Boolean).join(' ')
  return [last, creator.suffix, creator.firstName]
    .filter((part): part is string => Boolean(part))
    .map(plainString)
    .join(', ')
}

/** NFC, because the parser composes accents as combining marks (`O` + U+0308 for `{\\"O}`). */
export function plainString(value: string): string {
  return collapseWhitespace(
    dropMarkup(value).replaceAll(lessThanStandIn, '<').replaceAll(greaterThanStandIn, '>')
  ).normalize('NFC')
}

/** Removes `<tag …>` markup; a line or paragraph break becomes a space. */
function dropMarkup(value: string): string {
  if (!value.includes('<')) return value
  let result = ''
  let index = 0
  while (index < value.length) {
    const open = value.indexOf('<', index)
    if (open === -1) break
    const close = value.indexOf('>', open)
    if (close === -1) break
    result += value.slice(index, open)
    const tag = value.slice(open + 1, close)
    if (tag === 'br' || tag === 'p' || tag === '/p' || tag === 'li') result += ' '
    index = close + 1
  }
  return result + value.slice(index)
}

export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

// ---------------------------------------------------------------------------------------
// The fast path

/** `plainFieldText`'s answer for a value only the LaTeX parser can read. */
export const needsLatexParser: unique symbol = Symbol('needs the LaTeX parser')

/**
 * Field names the fast path takes: the parser keeps them as they are. Others (`+`,
 * `keywords+duplicate-1`, `constructor`) are renamed, merged or lost by the parser, and
 * an entry holding one is read by the parser alone.
 */
export function isPlainFieldName(name: string): boolean {
  return /^[a-z][a-z0-9_-]*$/.test(name) && !(name in Object.prototype)
}

/**
 * The field's plain text exactly as the parser path gives it (`plainText` of the
 * parser's value), `undefined` when the parser leaves the field out (an empty value), or
 * `needsLatexParser`. `tex` is the value with `@string` macros expanded, without its
 * outer delimiters; `<` and `>` are never plain, so the stand-ins do not matter here.
 */
export function plainFieldText(name: string, tex: string): string | undefined | typeof needsLatexParser {
  if (!isPlainFieldName(name)) return needsLatexParser
  // The parser skips a value that is only whitespace (its `trim`, Unicode's whitespace).
  if (tex.trim() === '') return undefined
  if (!isPlainTex(tex)) return needsLatexParser
  const mode = modeOf(name)
  if (mode === 'verbatim') {
    // The parser prints verbatim values back as written, each whitespace run as one space.
    let raw = tex
    if (outerBracesRemoved.has(name) && isOneGroup(tex)) raw = tex.slice(1, -1)
    if (name !== 'keywords') return plainString(raw)
    raw = raw.replace(/[ \t\n]+/g, ' ')
    // The parser splits keywords, drops empty ones, deduplicates and sorts them.
    const keywords = raw
      .split(/\s*[,;]\s*/)
      .map((keyword) => keyword.trim())
      .filter((keyword) => keyword)
    if (keywords.length === 0) return undefined
    return plainText([...new Set(keywords)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())))
  }

  if (mode !== 'creatorlist' && mode !== 'literallist') return plainScalar(name, textWithLigatures(tex))

  // Lists are split on the word `and` between spaces, outside braces: that needs the tokens.
  const pieces = splitNodes(withLigatures(tokenize(tex)), isAndWord, andSeparator)
  if (mode === 'literallist') return plainText(pieces.map((piece) => textOf(piece).trim()))
  const creators: Creator[] = []
  for (const piece of pieces) {
    const creator = creatorOf(piece)
    if (creator === needsLatexParser) return needsLatexParser
    if (Object.keys(creator).length > 0) creators.push(creator)
  }
  return plainText(creators)
}

/** A field that is one string: years and months as the parser normalises them. */
function plainScalar(name: string, text: string): string | typeof needsLatexParser {
  let value = text
  if ((name === 'year' || name === 'month') && /^-?\d+$/.test(value.trim())) value = `${parseInt(value)}`
  value = value.trim()
  if (name === 'month') {
    const lower = value.toLowerCase()
    // The parser looks months up in a plain object: `constructor` would come back as a function.
    if (lower in Object.prototype) return needsLatexParser
    value = monthNumbers.get(lower) ?? value
  }
  return plainString(value)
}

/** The parser's month names (its `Month` table), applied after its number parsing. */
const monthNumbers: ReadonlyMap<string, string> = new Map(
  [
    ['jan', 'january'],
    ['feb', 'february'],
    ['mar', 'march'],
    ['apr', 'april'],
    ['may', 'may'],
    ['jun', 'june'],
    ['jul', 'july'],
    ['aug', 'august'],
    ['sep', 'september'],
    ['oct', 'october'],
    ['nov', 'november'],
    ['dec', 'december']
  ].flatMap(([short = '', long = ''], index) => [
    [short, String(index + 1)],
    [long, String(index + 1)]
  ])
)

type FieldModeName = ParserMode | 'literal'

const modes = new Map<string, FieldModeName>()

/** The parser's choice of mode: the last mode whose list names the field. */
function modeOf(name: string): FieldModeName {
  let mode = modes.get(name)
  if (mode !== undefined) return mode
  mode = 'literal'
  for (const [candidate, tests] of Object.entries(fieldModes) as Array<[ParserMode, Array<string | RegExp>]>) {
    if (tests.some((test) => (typeof test === 'string' ? test === name : test.test(name)))) mode = candidate
  }
  // Field names are few (`isPlainFieldName`), but a file could invent many: keep the cache small.
  if (modes.size < 1000) modes.set(name, mode)
  return mode
}

/** Fields whose one outer group the parser unwraps: `doi`, titles and named verbatim fields. */
const outerBracesRemoved: ReadonlySet<string> = new Set(
  ['doi', ...fieldModes.title, ...fieldModes.verbatim].filter((test): test is string => typeof test === 'string')
)

/**
 * A value the fast path reads: no macro, math, comment, `<`/`>` (markup after parsing),
 * NUL, carriage return (the grammar reads `\r\n` as two line ends), the parser's markup
 * delimiters or our stand-ins; braces balanced; no blank line (a paragraph break).
 */
/** The special characters a backslash escapes into themselves (`\&` is `&` to the parser). */
const escapable = '&%$#_'
const escapedSpecials = new RegExp(`\\\\([${escapable}])`, 'g')

/** An escaped special character at `index`. */
function isEscapedSpecial(tex: string, index: number): boolean {
  if (tex.charCodeAt(index) !== 0x5c) return false
  const next = tex.charAt(index + 1)
  return next !== '' && escapable.includes(next)
}

function isPlainTex(tex: string): boolean {
  let depth = 0
  let newlineSinceText = false
  for (let index = 0; index < tex.length; index++) {
    const code = tex.charCodeAt(index)
    switch (code) {
      case 0x5c: // backslash: an escaped special character (`\&`) is plain, any other macro is not
        if (!isEscapedSpecial(tex, index)) return false
        index++
        break
      case 0x24: // $
      case 0x25: // %
      case 0x3c: // <
      case 0x3e: // >
      case 0x00:
      case 0x0d:
      case 0x0e:
      case 0x0f:
      case 0xfdd0:
      case 0xfdd1:
        return false
      case 0x7b: // {
        depth++
        break
      case 0x7d: // }
        if (--depth < 0) return false
        break
      case 0x0a:
        if (newlineSinceText) return false
        newlineSinceText = true
        continue
      case 0x20:
      case 0x09:
        continue
    }
    newlineSinceText = false
  }
  return depth === 0
}

// The token tree, shaped like unified-latex's AST for the same text.

interface StringNode {
  type: 'string'
  content: string
  /** Made by a ligature (`--` → `–`): the parser gives such nodes no mode. */
  ligature?: true
}
interface WhitespaceNode {
  type: 'whitespace'
}
interface GroupNode {
  type: 'group'
  content: TexNode[]
}
type TexNode = StringNode | WhitespaceNode | GroupNode

const whitespaceNode: WhitespaceNode = {type: 'whitespace'}

/** The grammar's one-character `punctuation` tokens (`<` and `>` never reach here). */
const punctuation = new Set('.,;:-*/()!?=+<>[]`\'"~')

/** Characters that end a run of letters in the grammar (`nonchar_token`). */
function endsRun(character: string): boolean {
  switch (character) {
    case '\\':
    case '%':
    case '{':
    case '}':
    case '$':
    case '&':
    case '#':
    case '\n':
    case '\r':
    case '\0':
    case ' ':
    case '\t':
      return true
    default:
      return punctuation.has(character)
  }
}

function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return code >= 48 && code <= 57
}

/**
 * unified-latex's tokens for plain text, in the grammar's order of preference: a group;
 * `&` and `#` alone; a number with a dot (`12.5`, `.5`, `12.`); whitespace (with at most
 * one line end, as `isPlainTex` allows); one punctuation character; a run of anything
 * else. Expects balanced braces.
 */
function tokenize(tex: string): TexNode[] {
  let index = 0
  const sequence = (): TexNode[] => {
    const nodes: TexNode[] = []
    while (index < tex.length) {
      const character = tex[index] ?? ''
      if (character === '{') {
        index++
        nodes.push({type: 'group', content: sequence()})
        continue
      }
      if (character === '}') {
        index++
        return nodes
      }
      if (character === '&' || character === '#') {
        nodes.push({type: 'string', content: character})
        index++
        continue
      }
      if (isEscapedSpecial(tex, index)) {
        nodes.push({type: 'string', content: tex[index + 1] ?? ''})
        index += 2
        continue
      }
      if (isDigitAt(tex, index) || character === '.') {
        let end = index
        while (isDigitAt(tex, end)) end++
        if (end > index && tex[end] === '.') {
          end++
          while (isDigitAt(tex, end)) end++
        } else if (end === index && isDigitAt(tex, index + 1)) {
          end++
          while (isDigitAt(tex, end)) end++
        } else {
          end = index
        }
        if (end > index) {
          nodes.push({type: 'string', content: tex.slice(index, end)})
          index = end
          continue
        }
      }
      if (character === ' ' || character === '\t' || character === '\n') {
        while (index < tex.length && (tex[index] === ' ' || tex[index] === '\t' || tex[index] === '\n')) index++
        nodes.push(whitespaceNode)
        continue
      }
      if (punctuation.has(character)) {
        nodes.push({type: 'string', content: character})
        index++
        continue
      }
      const start = index
      while (index < tex.length && !endsRun(tex[index] ?? '')) index++
      nodes.push({type: 'string', content: tex.slice(start, index)})
    }
    return nodes
  }
  return sequence()
}

/** The parser's ligatures among plain characters (unicode2latex's map), longest first. */
const ligatures: ReadonlyMap<string, string> = new Map([
  ['---', '\u2014'],
  ['--', '\u2013'],
  ["''", '\u201D'],
  ['``', '\u201C'],
  ['~', '\u00A0']
])

/** Up to three adjacent one-string nodes joined into a ligature, left to right, in every group. */
function withLigatures(nodes: TexNode[]): TexNode[] {
  const result: TexNode[] = []
  let index = 0
  next: while (index < nodes.length) {
    const node = nodes[index]
    if (node?.type === 'string') {
      for (let length = Math.min(3, nodes.length - index); length >= 1; length--) {
        let joined = ''
        let allStrings = true
        for (let offset = 0; offset < length; offset++) {
          const part = nodes[index + offset]
          if (part?.type !== 'string') {
            allStrings = false
            break
          }
          joined += part.content
        }
        const ligature = allStrings ? ligatures.get(joined) : undefined
        if (ligature !== undefined) {
          result.push({type: 'string', content: ligature, ligature: true})
          index += length
          continue next
        }
      }
    }
    if (node?.type === 'group') result.push({type: 'group', content: withLigatures(node.content)})
    else if (node) result.push(node)
    index++
  }
  return result
}

/** Whether the grammar reads the whole value as one group: `{…}` with nothing around it. */
function isOneGroup(tex: string): boolean {
  if (!tex.startsWith('{') || !tex.endsWith('}')) return false
  let depth = 0
  for (let index = 0; index < tex.length - 1; index++) {
    if (tex[index] === '{') depth++
    else if (tex[index] === '}' && --depth === 0) return false
  }
  return true
}

/**
 * `textOf(withLigatures(tokenize(tex)))` without the tree: a ligature joins one-character
 * punctuation tokens, which are adjacent exactly when no brace or space stands between
 * them, and braces only end groups. Whitespace runs are left for `plainString`.
 */
function textWithLigatures(tex: string): string {
  const text = /[-'`~]/.test(tex) ? ligaturesWithinBraces(tex) : withoutBraces(tex)
  return text.includes('\\') ? text.replace(escapedSpecials, '$1') : text
}

/** The text without its braces, ligatures joined within each stretch between braces. */
function ligaturesWithinBraces(tex: string): string {
  return tex
    .split(/[{}]/)
    .map((segment) => segment.replace(ligaturePattern, (match) => ligatures.get(match) ?? match))
    .join('')
}

function withoutBraces(tex: string): string {
  return tex.includes('{') || tex.includes('}') ? tex.replace(/[{}]/g, '') : tex
}

const ligaturePattern = /---|--|''|``|~/g

/** The parser's text of nodes outside verbatim fields: groups lose their braces. */
function textOf(nodes: readonly TexNode[]): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'string') text += node.content
    else if (node.type === 'whitespace') text += ' '
    else text += textOf(node.content)
  }
  return text
}

const isAndWord = /^and$/i
const andSeparator = /(^& | & | &$)/

/**
 * The parser's list split: nodes are typed ` ` (whitespace), `&` (a string the separator
 * test matches) or `.`, and the type string is split with a pattern whose captured
 * separators fall at odd indexes.
 */
function splitNodes(nodes: readonly TexNode[], separator: RegExp, pattern: RegExp): TexNode[][] {
  const types = nodes
    .map((node) => {
      if (node.type === 'whitespace') return ' '
      if (node.type === 'string' && separator.test(node.content)) return '&'
      return '.'
    })
    .join('')
  const pieces: TexNode[][] = []
  let offset = 0
  types.split(pattern).forEach((match, index) => {
    const piece = nodes.slice(offset, offset + match.length)
    offset += match.length
    if (index % 2 === 0) pieces.push(piece)
  })
  return pieces
}

/** The parser's name reading, for names without an extended (`given=…`) form. */
function creatorOf(nodes: readonly TexNode[]): Creator | typeof needsLatexParser {
  const only = nodes[0]
  if (nodes.length === 1 && only?.type === 'group') return trimmedCreator({name: textOf(nodes)})

  if (nodes.some((node) => node.type === 'string' && node.content === ',')) {
    const parts = splitNodes(nodes, /^,$/, /(&)/)
    // `family=Doe, given=John`: the parser reads the extended name format only when every
    // part looks like it, and never when the first does not; left to the parser.
    if (looksExtended(parts[0] ?? [])) return needsLatexParser
    const nameParts = parts.map((part) => textOf(part).trim())
    if (nameParts.length === 3 && nameParts[2] === '') nameParts.pop()
    // The parser reports a fourth part as an error: the field is then read by it.
    if (nameParts.length > 3) return needsLatexParser
    let [lastName = '', suffix, firstName] =
      nameParts.length === 2 ? [nameParts[0], undefined, nameParts[1]] : nameParts.slice(0, 3)
    let prefix: string | undefined
    const particle = lastName.match(/^([a-z'. ]+) (.+)/)
    if (particle) {
      prefix = particle[1]
      lastName = particle[2] ?? ''
    }
    return trimmedCreator({lastName, firstName, prefix, suffix})
  }

  const nameParts = splitNodes(nodes, /^$/, /( )/)
    .map(textOf)
    .filter((part) => part)
  if (nameParts.length === 1) return trimmedCreator({lastName: nameParts[0]})
  const prefix = nameParts.findIndex((part) => /^[a-z]/.test(part))
  const postfix = prefix <= 0 ? -1 : nameParts.findIndex((part, index) => index > prefix && !/^[a-z]/.test(part))
  if (postfix === -1) {
    const lastName = nameParts.pop()
    return trimmedCreator({lastName, firstName: nameParts.join(' ')})
  }
  return trimmedCreator({
    firstName: nameParts.slice(0, prefix).join(' '),
    prefix: nameParts.slice(prefix, postfix).join(' '),
    lastName: nameParts.slice(postfix).join(' ')
  })
}

/** The parser's test for `key=value` name parts, on the part's first four nodes. */
function looksExtended(part: readonly TexNode[]): boolean {
  const start = part[0]?.type === 'whitespace' ? 1 : 0
  const signature = part
    .slice(start, start + 4)
    .map((node, index) =>
      node.type === 'string' && !node.ligature ? node.content.replace(index % 2 ? /[^=-]/g : /[^a-z]/gi, '.') : '.'
    )
    .join('')
  return /^[a-z]+(-[a-z]+)?=/i.test(signature)
}

/** The parser trims every part and drops the empty ones. */
function trimmedCreator(creator: Record<string, string | undefined>): Creator {
  const trimmed: Record<string, string> = {}
  for (const [part, value] of Object.entries(creator)) {
    const text = value?.trim()
    if (text) trimmed[part] = text
  }
  return trimmed
}
