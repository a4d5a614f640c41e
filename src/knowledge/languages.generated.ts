// Written by scripts/languages.ts from the folders under locales/ (npm run languages; npm run build
// and npm test run it first): do not edit.
export const LANGUAGES = ['fr', 'de', 'it', 'en'] as const;
