import {describe, expect, it} from 'vitest'
import {articleFormatOf, looksLikeHeading, readArticle} from '../../src/split/article.js'

describe('looksLikeHeading (plain text)', () => {
  it.each([
    ['The Night the Statue Fell', true],
    ['The Flight of 200,000', true],
    ['Operation Whirlwind: The Crushing of a Nation', true],
    ['Shots rang out.', false],
    ['His final words before his hanging were calm and defiant:', false],
    ['“We did not lose.', false],
    ['lower-case start', false],
    ['', false]
  ])('%j → %s', (line, expected) => {
    expect(looksLikeHeading(line)).toBe(expected)
  })
})

describe('readArticle, plain text', () => {
  const text = [
    'A Title Line',
    '- An Author',
    '- Oct 23',
    '',
    'First sentence. Second sentence.',
    'A Heading',
    'Third sentence in paragraph two.',
    '',
    'Sources',
    'Someone – A Book, A Press, 2001.',
    'A Line Without A Stop'
  ].join('\n')
  const article = readArticle(text, {format: 'text'})

  it('reads title, byline, sections, paragraphs and the source list', () => {
    expect(article.title).toBe('A Title Line')
    expect(article.byline).toEqual(['An Author', 'Oct 23'])
    expect(article.sections.map((section) => [section.id, section.title])).toEqual([
      ['introduction', 'Introduction'],
      ['a-heading', 'A Heading']
    ])
    expect(article.sentences.map((sentence) => [sentence.text, sentence.paragraph, sentence.section, sentence.line, sentence.column])).toEqual([
      ['First sentence.', 1, 'introduction', 5, 1],
      ['Second sentence.', 1, 'introduction', 5, 17],
      ['Third sentence in paragraph two.', 2, 'a-heading', 7, 1]
    ])
    // After the Sources heading every line is a source, even one that looks like a heading.
    expect(article.sources.map((source) => source.text)).toEqual(['Someone – A Book, A Press, 2001.', 'A Line Without A Stop'])
  })

  it('puts everything in one section with --section-by none', () => {
    const flat = readArticle(text, {format: 'text', sectionBy: 'none'})
    expect(flat.sections.map((section) => section.id)).toEqual(['article'])
    expect(flat.sentences).toHaveLength(3)
  })
})

describe('readArticle, Markdown', () => {
  const text = ['---', 'layout: post', '---', '# The Title', '', '- By Someone', '', 'One sentence', 'wrapped over two lines. Another.', '', '## Part Two', '', 'Last one.', '', '## References', '', '- A – B, C Press, 1999.', '1. D – E, F Press, 2000.'].join('\n')
  const article = readArticle(text, {format: 'markdown'})

  it('skips frontmatter, reads ATX headings, joins wrapped paragraphs', () => {
    expect(article.title).toBe('The Title')
    expect(article.byline).toEqual(['By Someone'])
    expect(article.sentences.map((sentence) => [sentence.text, sentence.paragraph, sentence.section])).toEqual([
      ['One sentence wrapped over two lines.', 1, 'introduction'],
      ['Another.', 1, 'introduction'],
      ['Last one.', 2, 'part-two']
    ])
    expect(article.sources.map((source) => source.text)).toEqual(['A – B, C Press, 1999.', 'D – E, F Press, 2000.'])
    expect(article.sourcesHeading?.text).toBe('References')
  })

  it('keeps the offsets of sentences as written', () => {
    for (const sentence of article.sentences) {
      expect(text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ')).toBe(sentence.text)
    }
  })

  it('chooses the layout by extension', () => {
    expect(articleFormatOf('a/b.md')).toBe('markdown')
    expect(articleFormatOf('a/b.txt')).toBe('text')
  })
})
