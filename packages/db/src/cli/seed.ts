import { closeDatabase, getDatabase } from '../client';
import { openPostgres } from '../database';
import { readDbEnv } from '../env';
import { DEMO_MSSP_NAME, seedDemo } from '../seed';

// Seeds write as the owner: with a restricted DATABASE_URL, DATABASE_OWNER_URL is the one to use.
const ownerUrl = readDbEnv().DATABASE_OWNER_URL;
const database = await getDatabase(); // migrates (through the owner URL when set)
const owner = ownerUrl ? openPostgres({ url: ownerUrl, max: 1 }) : database;
const logins = await seedDemo(owner.db);
console.log(`${DEMO_MSSP_NAME} demo logins:`);
console.table(
  logins.map(({ email, password, role, tenant }) => ({ email, password, role, tenant: tenant ?? '' })),
);
if (owner !== database) await owner.close();
await closeDatabase();
