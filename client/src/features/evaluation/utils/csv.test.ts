import { slug, toCsv } from './csv';

describe('evaluation CSV', () => {
  it('writes a BOM, semicolons, decimal commas and quotes where needed', () => {
    expect(
      toCsv([
        ['Feld', 'Anteil'],
        ['Sprache; Kurse', 0.6667],
        ['Sag "Hallo"', 12],
        [null, true],
      ]),
    ).toBe('\ufeffFeld;Anteil\r\n"Sprache; Kurse";0,6667\r\n"Sag ""Hallo""";12\r\n;true\r\n');
  });

  it('makes file names from titles', () => {
    expect(slug('Evaluation 2026 – Göttingen')).toBe('evaluation-2026-goettingen');
    expect(slug('***')).toBe('auswertung');
  });
});
