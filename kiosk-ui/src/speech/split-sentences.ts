/** Longest piece sent to the agent's speech route at once: keeps URLs short and the first sound quick. */
const MAX_PIECE = 120;

/**
 * Splits speech text into pieces at sentence ends (。！？；), then at commas when a
 * sentence is still too long. Pieces are queued, so the first one plays while the
 * rest are rendered.
 */
export function splitSentences(text: string, maxPiece = MAX_PIECE): string[] {
  const sentences = text.match(/[^。！？；!?;\n]+[。！？；!?;]?/g) ?? [];
  const pieces: string[] = [];
  for (const raw of sentences) {
    const sentence = raw.trim();
    if (sentence === '') continue;
    if (sentence.length <= maxPiece) {
      pieces.push(sentence);
      continue;
    }
    let current = '';
    for (const part of sentence.match(/[^，,、]+[，,、]?/g) ?? [sentence]) {
      if (current.length + part.length > maxPiece && current !== '') {
        pieces.push(current);
        current = '';
      }
      current += part;
      while (current.length > maxPiece) {
        pieces.push(current.slice(0, maxPiece));
        current = current.slice(maxPiece);
      }
    }
    if (current !== '') pieces.push(current);
  }
  return pieces;
}
