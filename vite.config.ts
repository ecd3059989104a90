/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

const PEERS = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', 'decimal.js'];

/**
 * The demo's index.html ships a strict CSP (no inline style). Vite's dev server injects styles
 * inline, so `npm run dev` serves the page without the policy; the built page keeps it.
 */
const csp = {
  name: 'demo-csp-build-only',
  apply: 'serve' as const,
  transformIndexHtml: (html: string) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?>/, ''),
};

export default defineConfig(({ mode }) => ({
  plugins: [react(), csp],
  build:
    mode === 'lib'
      ? {
          outDir: 'dist-lib',
          emptyOutDir: true,
          copyPublicDir: false,
          lib: {
            entry: {
              index: 'src/index.ts',
              headless: 'src/headless.ts',
              simulated: 'src/simulated.ts',
              binance: 'src/binance.ts',
              'locales/zh-CN': 'src/locales/zh-CN.ts',
              'locales/ar': 'src/locales/ar.ts',
            },
            formats: ['es'],
          },
          rolldownOptions: {
            external: PEERS,
            // The bundler drops module directives: the React entry is client-only (hooks, the
            // dialog), so a Next.js app can import it from a server component's tree.
            output: { banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? "'use client';" : '') },
          },
        }
      : { outDir: 'dist' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          globals: true,
          setupFiles: ['./test/setup.ts'],
          include: ['test/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: CHROMIUM_PATH, args: ['--headless', ...CHROMIUM_ARGS] },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
}));
