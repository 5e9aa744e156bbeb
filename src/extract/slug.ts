/** Ids in the annotation format are slugs: lower-case ASCII letters, digits, single hyphens. */
export function slugify(words: string, maxWords = 8): string {
  const slug = words
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // "São" → "Sao": accents dropped, letters kept
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, maxWords)
    .join('-');
  return slug === '' ? 'item' : slug;
}

/** Hands out unique slugs: the format wants ids unique across the whole file, whatever the kind. */
export class IdAllocator {
  private readonly used = new Set<string>();

  reserve(id: string): void {
    this.used.add(id);
  }

  allocate(words: string, maxWords = 8): string {
    const base = slugify(words, maxWords);
    let id = base;
    for (let n = 2; this.used.has(id); n += 1) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
