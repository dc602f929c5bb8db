import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// One HTML page per role, sharing the modules under src/common. The output is the server's wwwroot,
// which is generated: `dotnet build` runs this (see Dispatch.Server.csproj) and git ignores it.
export default defineConfig({
  base: '/',
  build: {
    outDir: resolve(import.meta.dirname, '../wwwroot'),
    // Stable names, and nothing deleted: the server build lists wwwroot's files before this runs, and a file it
    // listed must still be there afterwards. The server makes browsers revalidate every file (ETag), so a
    // stable name is never served stale.
    emptyOutDir: false,
    assetsDir: 'assets',
    rollupOptions: {
      output: {
        entryFileNames: 'assets/[name].js',
        chunkFileNames: 'assets/[name].js',
        assetFileNames: 'assets/[name][extname]',
      },
      input: {
        command: resolve(import.meta.dirname, 'index.html'),
        responder: resolve(import.meta.dirname, 'responder.html'),
        desk: resolve(import.meta.dirname, 'desk.html'),
        supervisor: resolve(import.meta.dirname, 'supervisor.html'),
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
});
