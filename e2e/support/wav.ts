/** The facts of a PCM WAV file a test needs: is it RIFF/WAVE, and how long does it play. */
export function describeWav(bytes: Uint8Array): { isWav: boolean; seconds: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 44 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return { isWav: false, seconds: 0 };
  let byteRate = 0;
  let dataBytes = 0;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ') byteRate = view.getUint32(at + 16, true);
    if (id === 'data') {
      // espeak-ng writes 0x7fffffff when streaming; the rest of the file is the data then.
      dataBytes = Math.min(size, bytes.length - at - 8);
      break;
    }
    at += 8 + size + (size % 2);
  }
  return { isWav: byteRate > 0 && dataBytes > 0, seconds: byteRate > 0 ? dataBytes / byteRate : 0 };
}
