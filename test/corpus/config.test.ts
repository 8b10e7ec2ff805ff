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
  it('gives the same config from JSON.parse as from the YAML parser', () => {
    for (const text of [
      '{}',
      '{"rules": {"uncited": "info", "bibliography": ["error", {"allowUndated": ["online", "misc"]}]}}',
      '{\r\n  "rules": {"according-to-whom": ["warning", {"verbs": ["say", "sa\\u00efd"]}]},\r\n  "tolerances": {"approx": 0.25, "nearly": 1e-1},\r\n  "maxFileSize": 1048576\r\n}\r\n',
      '{"paths": {"claims": "claims/\\u00e9t\\u00e9", "bibliography": "b.bib"}, "docsUrl": "https://example.org/rules/"}',
      '{"$schema": "../schema/config.schema.json", "$comment": "a \\"quoted\\" word, a colon: and a key-like \\"x\\": string", "rules": {}}'
    ]) {
      const [fast, positioned] = both(text)
      expect(fast, text).toEqual(positioned)
      expect(fast, text).not.toBeInstanceOf(Array)
      expect(plainJsonConfig(text), text).toBeDefined()
    }
  })

  it('leaves to the YAML parser what JSON.parse reads otherwise or cannot place: repeated keys, bad values, not JSON', () => {
    for (const text of [
      '{"rules": {"uncited": "info", "uncited": "warning"}}',
      '{"rules": {"uncited": "loud"}}',
      '{"rules": {"uncited": "info"},}',
      'rules:\n  uncited: info\n',
      '{"maxFileSize": "big"}',
      '[]'
    ]) {
      const [fast, positioned] = both(text)
      expect(fast, text).toEqual(positioned)
      expect(plainJsonConfig(text), text).toBeUndefined()
    }
    expect(both('{"rules": {"uncited": "info", "uncited": "warning"}}')[0]).toEqual(['1:31: Unexpected duplicate key in YAML: Map keys must be unique'])
  })
})
