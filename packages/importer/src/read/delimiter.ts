/** Counts tabs and commas outside quotes in the header line; tab wins only when it is the more common. */
export function detectDelimiter(text: string): ',' | '\t' {
  let tabs = 0;
  let commas = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (tabs + commas > 0) break;
    } else if (!quoted && c === '\t') tabs++;
    else if (!quoted && c === ',') commas++;
  }
  return tabs > commas ? '\t' : ',';
}
