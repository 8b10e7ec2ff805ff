import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {findQuotations, quotationSpans} from '../../src/pipeline/body.js'
import {placeAt} from '../../src/pipeline/positions.js'
import type {Quotation, TextRun} from '../../src/types.js'

/** The plain reading of the rule: at each opener, the text up to its closer; none past an opener that is never closed. */
function reference(run: TextRun, lineStarts: readonly number[]): Quotation[] {
  const closers: Record<string, string> = {'"': '"', '“': '”', '„': '“'}
  const found: Quotation[] = []
  let index = 0
  while (index < run.value.length) {
    const closer = closers[run.value.charAt(index)]
    if (closer === undefined) {
      index++
      continue
    }
    const end = run.value.indexOf(closer, index + 1)
    if (end === -1) break
    found.push({text: run.value.slice(index + 1, end), place: placeAt(lineStarts, run.offset + index, run.offset + end + 1)})
    index = end + 1
  }
  return found
}

describe('findQuotations', () => {
  it('finds straight, curly and low quotations, with their places', () => {
    const run = {value: 'He said "no" and „nem“ and “never” and "open', offset: 10}
    expect(findQuotations(run, [0]).map((quotation) => quotation.text)).toEqual(['no', 'nem', 'never'])
    expect(quotationSpans('a "b" c')).toEqual([{start: 2, end: 5}])
    expect(findQuotations({value: 'no marks', offset: 0}, [0])).toEqual([])
  })

  it('reads every run as the plain loop does', () => {
    const text = fc.array(fc.constantFrom('a', ' ', '"', '“', '”', '„', '\n', 'é'), {maxLength: 40}).map((units) => units.join(''))
    fc.assert(
      fc.property(text, fc.nat(50), (value, offset) => {
        const lineStarts = [0, 20, 45, 70]
        expect(findQuotations({value, offset}, lineStarts)).toEqual(reference({value, offset}, lineStarts))
      }),
      {numRuns: 3000}
    )
  })
})
