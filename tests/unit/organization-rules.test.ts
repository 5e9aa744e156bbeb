import { keyOfName, normalizedName } from '../../src/domain/names';
import { nearDuplicateOf, newOrganization } from '../../src/domain/organization';

const existing = [
  { key: 'cgtn', name: 'CGTN', fullName: 'China Global Television Network' },
  { key: 'test-daily', name: 'Test Daily', fullName: null },
  { key: 'caam', name: 'CAAM', fullName: 'China Association of Automobile Manufacturers' },
];

describe('organisation names', () => {
  it('normalises case, accents and punctuation', () => {
    expect(normalizedName('  Çhina   Daily, Ltd. ')).toBe('china daily ltd');
    expect(normalizedName('C.G.T.N.')).toBe('c g t n');
    expect(keyOfName('Test Daily (Beijing)')).toBe('test-daily-beijing');
    expect(keyOfName('Société Générale')).toBe('societe-generale');
  });

  it('finds a near-duplicate by name or full name, whatever the case, accents or a small edit', () => {
    expect(nearDuplicateOf(['cgtn'], existing)?.organization.key).toBe('cgtn');
    expect(nearDuplicateOf(['ÇGTN'], existing)?.organization.key).toBe('cgtn');
    expect(nearDuplicateOf(['C.G.T.N.'], existing)?.organization.key).toBe('cgtn');
    expect(nearDuplicateOf(['Test-Daily'], existing)?.organization.key).toBe('test-daily');
    expect(nearDuplicateOf(['Test  Daly'], existing)?.organization.key).toBe('test-daily');
    expect(nearDuplicateOf(['China Association of Automobile Manufacturer'], existing)).toEqual({
      organization: existing[2],
      matched: 'China Association of Automobile Manufacturers',
    });
  });

  it('keeps acronyms a letter apart and unrelated names apart', () => {
    expect(nearDuplicateOf(['CAAC'], existing)).toBeUndefined();
    expect(nearDuplicateOf(['Test Weekly'], existing)).toBeUndefined();
    expect(nearDuplicateOf(['China Passenger Car Association'], existing)).toBeUndefined();
  });

  it('refuses a near-duplicate naming the existing one, and a name without letters', () => {
    const draft = { name: 'C.G.T.N', fullName: null, kind: 'broadcaster', sameAs: [] };
    expect(newOrganization({ ...draft, name: 'Cgtn' }, existing)).toEqual({
      ok: false,
      violations: [
        {
          field: 'name',
          message:
            'an organization like this already exists: "CGTN" (id cgtn), whose name "CGTN" differs only in case, ' +
            'punctuation, accents or a letter or two; use it instead',
        },
      ],
    });
    expect(newOrganization({ ...draft, name: '—' }, existing)).toMatchObject({ ok: false });
    expect(newOrganization({ ...draft, name: 'Test Weekly' }, existing)).toEqual({
      ok: true,
      value: { ...draft, name: 'Test Weekly', key: 'test-weekly' },
    });
  });
});
