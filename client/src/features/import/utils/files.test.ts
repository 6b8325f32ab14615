import { guessFormat } from './files';

describe('guessFormat', () => {
  it('recognises a data package, an HSDS JSON file and spreadsheet CSV', () => {
    expect(guessFormat(['datapackage.json', 'organizations.csv'])).toBe('HSDS_PACKAGE');
    expect(guessFormat(['partneratlas-hsds.json'])).toBe('HSDS_JSON');
    expect(guessFormat(['liste.csv'])).toBe('CSV');
    expect(guessFormat(['organisationen.csv', 'angebote.csv'])).toBe('CSV');
  });
});
