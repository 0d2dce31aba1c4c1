// The baseline server of the mock benchmark, run as its own process: plain node:http answering the
// two benchmarked requests with the bodies the mock answers (given as JSON in argv[3]), on port argv[2].
import { createServer } from 'node:http';

const port = Number(process.argv[2]);
/** @type {Record<string, unknown>} "GET" and "POST" to the JSON body of each. */
const bodies = JSON.parse(process.argv[3] ?? '{}');
const payloads = Object.fromEntries(Object.entries(bodies).map(([method, body]) => [method, Buffer.from(JSON.stringify(body))]));

createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const payload = payloads[request.method ?? 'GET'] ?? Buffer.from('{}');
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': payload.byteLength });
    response.end(payload);
  });
}).listen(port, '127.0.0.1');
