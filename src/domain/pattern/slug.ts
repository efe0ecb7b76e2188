/** A pattern id derived from a name: "User Onboarding Flow" → "user_onboarding_flow". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 120)
    .replace(/_+$/, '');
  return slug === '' ? 'pattern' : slug;
}
