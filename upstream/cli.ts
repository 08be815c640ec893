// `npm run upstream -- --port 8089 --data-dir ./hub`: the reference upstream as a small
// on-premises hub. The token comes from UPSTREAM_TOKEN (never a flag: flags show in `ps`).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startReferenceUpstream } from './server';

async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '8089' }, 'data-dir': { type: 'string', default: './upstream-data' }, 'min-content': { type: 'string', default: '0' }, acknowledge: { type: 'string', default: 'true' } },
    strict: true,
  });
  const token = process.env.UPSTREAM_TOKEN?.trim();
  if (!token) throw new Error('Set UPSTREAM_TOKEN to the token offices must send.');
  const upstream = await startReferenceUpstream({
    dataDir: path.resolve(values['data-dir']),
    token,
    port: Number(values.port),
    rules: { minContentLength: Number(values['min-content']), acknowledge: values.acknowledge !== 'false' },
  });
  console.log(`Upstream v1 (referensi) siap di ${upstream.url}`);
  const stop = () => void upstream.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
