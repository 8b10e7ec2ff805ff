/**
 * A config that is plain, valid JSON is taken from JSON.parse; any other from the YAML
 * parser, which places each mistake. Both must give the same config, or the same errors.
 */
import {describe, expect, it} from 'vitest'
import {ConfigError, configFrom, plainJsonConfig} from '../../src/corpus/config.js'

function both(text: string): unknown[] {
  return [true, false].map((fastJson) => {
    try {
      return configFrom(text, {fastJson})
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.map((problem) => `${problem.place?.start.line}:${problem.place?.start.column}: ${problem.reason}`)
      throw error
    }
  })
}

describe('configFrom', () => {
  // Each text with whether JSON.parse may take it: plain, valid JSON without repeated keys.
  const texts: Array<[string, boolean]> = [
    ['{}', true],
    ['{"rules": {"uncited": "info", "bibliography": ["error", {"allowUndated": ["online", "misc"]}]}}', true],
    ['{\r\n  "rules": {"according-to-whom": ["warning", {"verbs": ["say", "sa\\u00efd"]}]},\r\n  "tolerances": {"approx": 0.25, "nearly": 1e-1},\r\n  "maxFileSize": 1048576\r\n}\r\n', true],
    ['{"paths": {"claims": "claims/\\u00e9t\\u00e9", "bibliography": "b.bib"}, "docsUrl": "https://example.org/rules/"}', true],
    ['{"$schema": "../schema/config.schema.json", "$comment": "a \\"quoted\\" word, a colon: and a key-like \\"x\\": string", "rules": {}}', true],
    // Left to the YAML parser: repeated keys, bad values, not JSON.
    ['{"rules": {"uncited": "info", "uncited": "warning"}}', false],
    ['{"rules": {"uncited": "loud"}}', false],
    ['{"rules": {"uncited": "info"},}', false],
    ['rules:\n  uncited: info\n', false],
    ['{"maxFileSize": "big"}', false],
    ['[]', false]
  ]

  it.each(texts)('gives the same config or errors either way: %j (JSON.parse: %s)', (text, plain) => {
    const [fast, positioned] = both(text)
    expect(fast).toEqual(positioned)
    expect(plainJsonConfig(text) !== undefined).toBe(plain)
    if (plain) expect(fast).not.toBeInstanceOf(Array)
  })

  it('places a repeated key', () => {
    expect(both('{"rules": {"uncited": "info", "uncited": "warning"}}')[0]).toEqual(['1:31: Unexpected duplicate key in YAML: Map keys must be unique'])
  })
})
