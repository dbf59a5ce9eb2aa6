// `npm start` on a fresh clone: install the npm packages when they are missing, and say
// which Debian packages the kiosk's speech needs. Plain JS: it runs before tsx exists.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function installed() {
  try {
    require.resolve('tsx');
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

if (!installed()) {
  console.log('Installing npm packages (first start compiles better-sqlite3, about a minute)…');
  execSync(existsSync('package-lock.json') ? 'npm ci' : 'npm install', { stdio: 'inherit' });
}

if (spawnSync('espeak-ng', ['--version']).error) {
  console.log('Note: espeak-ng is not installed; the kiosk will not speak until it is:');
  console.log('  sudo apt-get install -y espeak-ng fonts-noto-cjk');
}
