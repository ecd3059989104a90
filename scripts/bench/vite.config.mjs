// Vite config of the browser bench page (scripts/bench/page). `--mode profiling` aliases
// react-dom/client to react-dom/profiling: a production build in which <Profiler> reports commits.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig(({ mode }) => ({
  root: here('./page'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [react()],
  resolve: {
    alias: mode === 'profiling' ? [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] : [],
  },
  build: {
    outDir: here(`../../node_modules/.cache/amk-bench/page-${mode}`),
    emptyOutDir: true,
    reportCompressedSize: false,
  },
}));
