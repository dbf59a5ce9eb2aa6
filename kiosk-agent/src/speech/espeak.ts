import { spawn } from 'node:child_process';

// Debian's espeak-ng: `-v cmn` reads pinyin tone numbers in English; `cmn-latn-pinyin`
// is correct Mandarin. The text goes in on stdin, never through a shell or argv, so
// nothing a villager causes to be read can be taken as an option or a command.

export const VOICE = 'cmn-latn-pinyin';
/** Words per minute; espeak's default is 175, slow for elderly listeners. */
export const RATE = 130;

/**
 * Renders `text` to a WAV in memory (about 20 ms for a long sentence): nothing spoken,
 * which may be a villager's name or payment, is ever written to the kiosk's disk.
 */
export function renderWav(text: string, timeoutMs = 15_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('espeak-ng', ['-v', VOICE, '-s', String(RATE), '--stdout', '--stdin'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(withWavSizes(Buffer.concat(chunks)));
      else reject(new Error(`espeak-ng exited ${code ?? signal}: ${stderr.trim().slice(0, 200)}`));
    });
    child.stdin.end(text, 'utf8');
  });
}

/**
 * Writing to a pipe, espeak-ng cannot go back to fill in the RIFF and data sizes and
 * leaves placeholders; set them from the real length so every player reads the duration.
 */
export function withWavSizes(wav: Buffer): Buffer {
  if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 36, 40) !== 'data') return wav;
  wav.writeUInt32LE(wav.length - 8, 4);
  wav.writeUInt32LE(wav.length - 44, 40);
  return wav;
}
