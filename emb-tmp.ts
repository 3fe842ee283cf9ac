import { startEmbeddedPostgres } from "./server/src/db/embedded.ts";
const db = await startEmbeddedPostgres("/tmp/sparring-dev", 54399);
console.log(db.url);
setInterval(() => {}, 1 << 30);
