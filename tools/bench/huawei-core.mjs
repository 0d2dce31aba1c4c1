// Huawei Cloud's official Node SDK core, the yardstick of the AK/SK row. It is not a dependency of this
// project: the bench installs it with npm into a scratch folder (bench/.tmp/huawei-core), once per version.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The version compared against; uuid is required by the core but not declared in its package.json. */
const PACKAGES = { '@huaweicloud/huaweicloud-sdk-core': '3.1.211', uuid: '9.0.1' };

/**
 * Installs the core into `<root>/bench/.tmp/huawei-core` unless it is there, and returns a caller for one
 * GET with AK/SK (GlobalCredentials: AK, SK and the account ID, as OSM needs).
 * @param {{ root: string, baseUrl: string, accessKey: string, secretKey: string, domainId: string }} options
 * @returns {(path: string, query: Record<string, unknown>) => Promise<unknown>}
 */
export function huaweiCoreCaller({ root, baseUrl, accessKey, secretKey, domainId }) {
  const folder = join(root, 'bench', '.tmp', 'huawei-core');
  const manifest = join(folder, 'package.json');
  const wanted = JSON.stringify({ private: true, dependencies: PACKAGES }, null, 2);
  if (!existsSync(manifest) || readFileSync(manifest, 'utf8') !== wanted || !existsSync(join(folder, 'node_modules'))) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(manifest, wanted);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], { cwd: folder, stdio: 'inherit' });
  }
  const require = createRequire(manifest);
  const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder');
  const { GlobalCredentials } = require('@huaweicloud/huaweicloud-sdk-core');
  const credentials = new GlobalCredentials().withAk(accessKey).withSk(secretKey).withDomainId(domainId);
  const client = new ClientBuilder((hcClient) => hcClient, 'GlobalCredentials').withEndpoint(baseUrl).withCredential(credentials).build();
  // What a generated OSM client of Huawei's SDK does for a GET: a JSON call through HcClient.
  return (path, query) =>
    client.sendRequest({
      method: 'GET',
      url: path,
      contentType: 'application/json',
      queryParams: { ...query },
      pathParams: {},
      headers: {},
    });
}
