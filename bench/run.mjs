// Runs every benchmark module in bench/ — any bench/*.mjs that exports `async run()` (and
// optionally `title`) — in file-name order, against the built package (`npm run bench` builds
// dist/node first). Add a benchmark by adding a module; helpers without `run` (lib.mjs) are skipped.
// `node bench/run.mjs <filter>` runs only the modules whose file name contains <filter>.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? "";
const files = readdirSync(here)
  .filter((file) => file.endsWith(".mjs") && file !== "run.mjs" && file.includes(filter))
  .sort();

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
for (const file of files) {
  const bench = await import(pathToFileURL(join(here, file)).href);
  if (typeof bench.run !== "function") continue;
  console.log(`\n${bench.title ?? file}`);
  await bench.run();
}
