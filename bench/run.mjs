// Runs every benchmark module bench/*.bench.mjs (each exports `title` and `async run()`), in name
// order, against the built package (`npm run bench` builds dist/node first). Add a benchmark by
// adding a module; `node bench/run.mjs <filter>` runs only the modules whose file name contains it.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? "";
const modules = readdirSync(here)
  .filter((file) => file.endsWith(".bench.mjs") && file.includes(filter))
  .sort();

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
for (const file of modules) {
  const bench = await import(pathToFileURL(join(here, file)).href);
  console.log(`\n${bench.title ?? file}`);
  await bench.run();
}
