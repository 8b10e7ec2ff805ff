import {describe, expect, it} from 'vitest'
import {inliningFlags, tuningFlags} from '../src/v8-tuning.js'

describe('tuningFlags', () => {
  const all = inliningFlags.map(([name, value]) => `--${name}=${value}`)

  it('sets every inlining budget when Node was given none', () => {
    expect(tuningFlags([])).toEqual(all)
    expect(tuningFlags(['--enable-source-maps', '--max-old-space-size=4096'])).toEqual(all)
    expect(all).toEqual(['--max-inlined-bytecode-size=100', '--max-inlined-bytecode-size-cumulative=200'])
  })

  it("leaves a budget given on Node's command line", () => {
    expect(tuningFlags(['--max-inlined-bytecode-size=460'])).toEqual(['--max-inlined-bytecode-size-cumulative=200'])
    expect(tuningFlags(['--inspect', '--max-inlined-bytecode-size-cumulative=920'])).toEqual(['--max-inlined-bytecode-size=100'])
    expect(tuningFlags(['--max-inlined-bytecode-size', '460', '--max-inlined-bytecode-size-cumulative=920'])).toEqual([])
  })

  it('reads `_` in a flag name as V8 does', () => {
    expect(tuningFlags(['--max_inlined_bytecode_size=460', '--max_inlined_bytecode_size_cumulative=920'])).toEqual([])
  })

  it('does not take a longer flag for a budget', () => {
    expect(tuningFlags(['--max-inlined-bytecode-size-absolute=4600', '--max-inlined-bytecode-size-small=27'])).toEqual(all)
  })
})
