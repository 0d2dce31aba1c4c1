// A plain node:http server on 127.0.0.1 that answers every request with one fixed JSON body: the
// fastest possible "OSM", so what is measured against it is the caller's own cost.
import { createServer } from 'node:http';

/**
 * Starts the server on a free port.
 * @param {unknown} body the JSON body of every response
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startFixtureServer(body) {
  const payload = Buffer.from(JSON.stringify(body));
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': payload.byteLength });
      response.end(payload);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
