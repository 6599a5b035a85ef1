/** The formats in the reader's language live in the domain (app/domain/language-format.ts, decision 029). */
export * from '../domain/language-format';
