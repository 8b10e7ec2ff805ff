/**
 * RIS through citation-js's RIS plugin: CSL items to RIS records and back. The plugin's
 * converter module is loaded on its own, so nothing registers itself globally.
 *
 * The plugin's text output wraps every value at 70 characters, in the middle of words,
 * and every reader (the plugin's own included) joins the pieces with a space: "C risis".
 * So only its tag mapping is used, and the records are written here, one line per value.
 */
import {createRequire} from 'node:module'
import type {CslItem} from './csl.js'

type RisRecord = Record<string, string | string[]>

interface RisConverter {
  format(items: readonly CslItem[], options: {format: 'object'}): RisRecord[]
  parse(text: string): RisRecord[]
  parseMixed(record: RisRecord): Record<string, unknown>
}

const require = createRequire(import.meta.url)
const ris = require('@citation-js/plugin-ris/lib/ris.js') as RisConverter

export interface RisExport {
  text: string
  /**
   * CSL fields that did not come back when the RIS was read again: RIS (as citation-js
   * maps it) has no tag for them. `id` and `citation-key` travel as `ID`.
   */
  lostFields: Array<{field: string; keys: string[]}>
}

export function cslToRis(items: readonly CslItem[]): RisExport {
  const records = ris.format(items, {format: 'object'})
  const text = records.map(formatRecord).join('\n\n')
  const lost = new Map<string, string[]>()
  const readBack = risToCsl(text)
  items.forEach((item, index) => {
    const back = readBack[index] ?? {}
    for (const field of Object.keys(item)) {
      if (field === 'id' || field === 'citation-key' || field.startsWith('_') || Object.hasOwn(back, field)) continue
      lost.set(field, [...(lost.get(field) ?? []), item.id])
    }
  })
  return {text: text === '' ? '' : `${text}\n`, lostFields: [...lost].map(([field, keys]) => ({field, keys}))}
}

/** RIS text to CSL items, in record order (what a reference manager would read). */
export function risToCsl(text: string): Array<Record<string, unknown>> {
  return ris.parse(text).map((record) => ris.parseMixed(record))
}

function formatRecord(record: RisRecord): string {
  const lines = [`TY  - ${oneLine(String(record['TY'] ?? 'GEN'))}`]
  for (const [tag, value] of Object.entries(record)) {
    if (tag === 'TY') continue
    const values = tag === 'KW' ? [value].flat().flatMap(splitKeywords) : [value].flat()
    for (const single of values) lines.push(`${tag}  - ${oneLine(String(single))}`)
  }
  lines.push('ER  - ')
  return lines.join('\n')
}

/** A line break inside a value would start a bogus tag line: RIS values are one line. */
function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ')
}

/** CSL keeps keywords as one string; RIS gives each its own `KW` line (one tag each in Zotero). */
function splitKeywords(keywords: string): string[] {
  return keywords
    .split(/[,;]/)
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword !== '')
}
