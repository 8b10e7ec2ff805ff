/**
 * The copy of the parser's field-mode table must be the installed parser's table: the
 * fast path decides with it how the parser would read a field.
 */
import {FieldMode} from '@retorquere/bibtex-parser'
import {describe, expect, it} from 'vitest'
import {fieldModes} from '../../src/bibliography/field-modes.js'

const comparable = (table: Record<string, Array<string | RegExp>>) =>
  Object.fromEntries(Object.entries(table).map(([mode, tests]) => [mode, tests.map((test) => (typeof test === 'string' ? test : `/${test.source}/${test.flags}`))]))

describe('field modes', () => {
  it("equal @retorquere/bibtex-parser's FieldMode", () => {
    expect(comparable(fieldModes)).toEqual(comparable(FieldMode as Record<string, Array<string | RegExp>>))
  })
})
