// Folding that every matcher shares: lower case, no accents, apostrophes and punctuation as spaces,
// so that "Zürich", "zurich" and "ZURICH" meet, and "l'MMT" yields "mmt".
export function fold(text: string): string {
  return text
    .normalize('NFD')
    // After NFD every accent is a combining mark; spacing ones (´ ` ^) are punctuation to words().
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

/** Folded words of a text, keeping digits and in-word hyphens ("b-1", "bale-campagne"). */
export function words(text: string): string[] {
  return fold(text)
    .replace(/[’'`´]/g, ' ')
    .split(/[^a-z0-9-]+/)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter(Boolean);
}

/** Joins the forms of one word of a question that a passage may hold either of ("oadi|oaci"). */
export const ALTERNATIVE = '|';
