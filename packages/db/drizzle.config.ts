import { defineConfig } from 'drizzle-kit';

// Generate only: migrations are applied by src/migrate.ts (drizzle's migrators), never by drizzle-kit push.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
  strict: true,
  verbose: true,
});
