import { describe, expect, it } from 'vitest';
import { stems } from '../../src/search/fulltext.js';

describe('stems', () => {
  it('keep staff apart from collaboration, whose stem the stemmers give both ("collaboratori", "collaborazione")', () => {
    for (const [staff, collaboration] of [
      ['collaborateurs', 'collaboration'],
      ['collaboratori', 'collaborazione'],
      ['collaborators', 'collaboration'],
    ] as const) {
      expect(stems(staff).filter((s) => stems(collaboration).includes(s)), staff).toEqual([]);
    }
    // Singular and plural, masculine and feminine stay one family.
    expect(stems('collaboratrici').filter((s) => stems('collaboratore').includes(s))).not.toEqual([]);
  });
});
