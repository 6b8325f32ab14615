/**
 * Folds text for search the same way the database does (see the SQL function pa_fold):
 * lower case, umlauts and accents removed, ß → ss, everything but letters and digits dropped.
 * "Migrations-Zentrum", "migrationszentrum" and "MIGRATIONSZENTRUM" fold to the same key.
 */
export function foldForSearch(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .replace(/ẞ/g, 'SS')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
