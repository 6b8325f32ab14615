import {
  changedInput,
  conflictRows,
  filledInput,
  insideGoettingen,
  mergedInput,
  parseEdited,
  parseLanguageCodes,
  problemsByField,
  sameValue,
} from './edit-form';

describe('changedInput', () => {
  it('sends only the fields whose value differs from the loaded one', () => {
    const base = { name: 'Alt', website: null, languages: ['de', 'ar'], yearFounded: 1990 };
    const next = { name: 'Neu', website: null, languages: ['ar', 'de'], yearFounded: 1990 };
    expect(changedInput(base, next)).toEqual({ name: 'Neu' });
  });

  it('keeps an explicit null that clears a stored value', () => {
    expect(changedInput({ website: 'https://a.example' }, { website: null })).toEqual({ website: null });
  });

  it('compares lists of records (phones) in order and by content', () => {
    const base = { phones: [{ number: '1', description: null }] };
    expect(changedInput(base, { phones: [{ number: '1', description: null }] })).toEqual({});
    expect(changedInput(base, { phones: [{ number: '1', description: 'Büro' }] })).toEqual({
      phones: [{ number: '1', description: 'Büro' }],
    });
  });
});

describe('filledInput', () => {
  it('leaves out empty values of a new entry', () => {
    expect(filledInput({ name: 'X', street: null, languages: [], free: false })).toEqual({ name: 'X', free: false });
  });
});

describe('problemsByField', () => {
  it('maps input paths to form fields and keeps the rest apart', () => {
    const result = problemsByField(
      [
        { field: 'input.website', problems: ['keine gültige Adresse'] },
        { field: 'input.phones.0.number', problems: ['zu lang'] },
        { field: 'expectedVersion', problems: ['fehlt'] },
      ],
      ['website', 'phones', 'name'],
    );
    expect(result.fields).toEqual({ website: ['keine gültige Adresse'], phones: ['zu lang'] });
    expect(result.other).toEqual(['fehlt']);
  });
});

describe('conflict merge', () => {
  const sent = { name: 'Mein Name', website: 'https://mine.example', email: 'same@example.org' };
  const current = { name: 'Ihr Name', website: 'https://theirs.example', email: 'same@example.org', description: 'neu von anderen' };

  it('asks only about fields the editor changed and someone else changed differently', () => {
    expect(conflictRows(sent, current).map((r) => r.field)).toEqual(['name', 'website']);
  });

  it('resubmits the chosen values and leaves out what equals the stored entry', () => {
    const rows = conflictRows(sent, current);
    expect(mergedInput(rows, { name: { kind: 'mine' }, website: { kind: 'theirs' } })).toEqual({ name: 'Mein Name' });
    expect(mergedInput(rows, { name: { kind: 'edited', value: 'Gemeinsamer Name' }, website: { kind: 'mine' } })).toEqual({
      name: 'Gemeinsamer Name',
      website: 'https://mine.example',
    });
  });

  it('parses an edited number as a number and empty text as null', () => {
    const row = { field: 'yearFounded', mine: 1990, theirs: 1991 };
    expect(parseEdited(row, '1992')).toBe(1992);
    expect(parseEdited(row, ' ')).toBeNull();
  });
});

describe('helpers', () => {
  it('treats lists of codes as sets and null like undefined', () => {
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
  });

  it('parses language codes', () => {
    expect(parseLanguageCodes('de, AR  fa;de')).toEqual(['de', 'ar', 'fa']);
  });

  it('knows the Göttingen box', () => {
    expect(insideGoettingen(51.54, 9.93)).toBe(true);
    expect(insideGoettingen(9.93, 51.54)).toBe(false);
  });
});
