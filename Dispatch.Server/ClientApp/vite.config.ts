import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// One HTML page per role, sharing the modules under src/shared. The output is the server's wwwroot,
// which is generated: `dotnet build` runs this (see Dispatch.Server.csproj) and git ignores it.
export default defineConfig({
  base: '/',
  build: {
    outDir: resolve(import.meta.dirname, '../wwwroot'),
    emptyOutDir: true,
    // Names without hashes would be cached across deployments; hashed assets may be cached forever.
    assetsDir: 'assets',
    rollupOptions: {
      input: {
        command: resolve(import.meta.dirname, 'index.html'),
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
