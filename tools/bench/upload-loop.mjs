// A process of mock-uploads.mjs: posts the multipart body in the file argv[4] (Content-Type argv[3]) to
// argv[2] over and over until it is stopped, so that the process measuring the GETs does not also spend
// its time sending 9 MiB bodies.
import { readFileSync } from 'node:fs';

const [url, contentType, file] = process.argv.slice(2);
const body = readFileSync(file);
for (;;) {
  const response = await fetch(url, { method: 'POST', headers: { 'X-Auth-Token': 'bench', 'Content-Type': contentType }, body });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`upload: ${response.status}`);
}
