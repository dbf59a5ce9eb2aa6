import { spawn } from 'node:child_process';

// Debian's espeak-ng: `-v cmn` reads pinyin tone numbers in English; `cmn-latn-pinyin`
// is correct Mandarin. The text goes in on stdin, never through a shell or argv, so
// nothing a villager causes to be read can be taken as an option or a command.

export const VOICE = 'cmn-latn-pinyin';
/** Words per minute; espeak's default is 175, slow for elderly listeners. */
export const RATE = 130;

/** Renders `text` to a WAV file at `outFile`. */
export function renderWav(text: string, outFile: string, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('espeak-ng', ['-v', VOICE, '-s', String(RATE), '-w', outFile, '--stdin'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`espeak-ng exited ${code ?? signal}: ${stderr.trim().slice(0, 200)}`));
    });
    child.stdin.end(text, 'utf8');
  });
}
