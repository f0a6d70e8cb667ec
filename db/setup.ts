/**
 * `npm start` runs this before serving: migrate the embedded database, seed the demo unless
 * KADAM_DEMO=0, and print how to sign in.
 */
import { defaultDatabasePath, openDatabase } from "./client";
import { migrateToLatest } from "./migrate";
import { DEMO_PASSWORD, demoAccounts, seedDemo } from "./seed";

const file = defaultDatabasePath();
const { db } = openDatabase(file);
const applied = await migrateToLatest(db);
console.log(`Database: ${file}${applied.length ? ` (applied ${applied.join(", ")})` : " (up to date)"}`);
if (process.env.KADAM_DEMO !== "0") {
  await seedDemo(db);
  const port = process.env.PORT || 3000;
  console.log(`\nKadam: http://localhost:${port}\nDemo accounts (password ${DEMO_PASSWORD}):`);
  for (const a of demoAccounts) console.log(`  ${a.role.padEnd(12)} ${a.email}`);
  console.log("");
}
await db.destroy();
