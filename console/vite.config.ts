// Builds the console: Preact's JSX through esbuild (no plugin), served under /console/ locally and when deployed.
import { defineConfig } from 'vite';
import * as path from 'node:path';

export default defineConfig({
  root: __dirname,
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    outDir: path.join(__dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // One small app: its own chunk plus Preact; a warning past 200 KB would already break the benchmark's budget.
    chunkSizeWarningLimit: 200,
  },
  logLevel: 'warn',
});
