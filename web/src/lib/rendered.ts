/** Number of distinct non-empty `code` properties among rendered features (tiles may split one feature into several). */
export function countDistinctCodes(features: ReadonlyArray<{ properties?: Record<string, unknown> | null }>): number {
  const codes = new Set<string>();
  for (const feature of features) {
    const code = feature.properties?.['code'];
    if (typeof code === 'string' && code !== '') codes.add(code);
    else if (typeof code === 'number') codes.add(String(code));
  }
  return codes.size;
}
