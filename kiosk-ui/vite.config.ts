import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// The kiosk agent (docs/design.md §13, port 8600) serves the built UI in production. In dev and
// preview, Vite proxies the agent's HTTP API and socket.io endpoint so the UI only ever
// talks to its own origin, exactly as it does on a kiosk.
const agentUrl = 'http://127.0.0.1:8600';
const agentProxy: Record<string, ProxyOptions> = {
  '/api': { target: agentUrl, changeOrigin: true },
  '/socket.io': { target: agentUrl, ws: true, changeOrigin: true },
};

export default defineConfig({
  // `vite build kiosk-ui` from the repo root and `vite` from this folder resolve alike.
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: { proxy: agentProxy },
  preview: { proxy: agentProxy },
});
