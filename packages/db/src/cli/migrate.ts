import { closeDatabase, getDatabase } from '../client';

// getDatabase() migrates on open; this script exists so deploys can migrate before starting apps.
const database = await getDatabase();
console.log(`migrations applied (${database.kind})`);
await closeDatabase();
