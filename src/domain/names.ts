/** Case, diacritics and punctuation removed, spaces collapsed: "Çhina  Daily, Ltd." → "china daily ltd". */
export function normalizedName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A stored id from a name, as entity files write them: "Test Daily (Beijing)" → "test-daily-beijing". */
export const keyOfName = (name: string): string => normalizedName(name).replace(/ /g, '-').slice(0, 120);
