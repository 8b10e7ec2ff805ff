/**
 * `@retorquere/bibtex-parser`'s table of field modes (`FieldMode`), by which it decides
 * how a field is read: names, titles, verbatim, rich text or literal lists. The fast path
 * for plain values needs only this table, and the parser is loaded only when a value
 * holds LaTeX (`src/vendor/bibtex-parser.ts`), so the table is kept here.
 * `test/bibliography/field-modes.test.ts` checks that it equals the installed parser's.
 */
export const fieldModes = {
  creatorlist: ['author', 'bookauthor', 'collaborator', 'commentator', 'director', 'editor', 'editora', 'editorb', 'editors', 'holder', 'scriptwriter', 'translator'],
  title: ['title', 'subtitle', 'series', 'shorttitle', 'booktitle', 'origtitle', 'maintitle', 'eventtitle'],
  verbatim: [
    'doi',
    'eprint',
    'file',
    'files',
    'pdf',
    'groups',
    'ids',
    'url',
    'verba',
    'verbb',
    'verbc',
    /^keywords([+]duplicate-\d+)?$/,
    /^citeulike-linkout-[0-9]+$/,
    /^bdsk-url-[0-9]+$/
  ],
  richtext: ['annotation', 'comment', 'annote', 'review', 'notes', 'note'],
  literallist: ['institution', 'publisher', 'origpublisher', 'organization', 'location', 'origlocation']
} satisfies Record<string, Array<string | RegExp>>

export type FieldModeName = keyof typeof fieldModes
