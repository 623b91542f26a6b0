// A child process for the local store's multi-process tests (bundled by the test with esbuild).
//   hold DIR           open DIR as the writer, print "ready", wait until killed
//   append DIR SEED    open DIR with fsync batch and append forever, several appends in flight;
//                      prints "I id,id" before each append and "A id,id" once it is acknowledged
import { randomUUID } from 'node:crypto';
import { openLocalEventStore } from '../../../runtime/backends/local/index';
import { createRandom } from '../../support/random';

async function main(): Promise<void> {
  const [mode, dir, seedText] = process.argv.slice(2);
  const store = await openLocalEventStore(dir, { fsync: 'batch' });
  process.stdout.write('ready\n');
  if (mode === 'hold') {
    setInterval(() => undefined, 1 << 30);
    return;
  }
  const random = createRandom(Number(seedText));
  const worker = async () => {
    for (;;) {
      const events = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ eventId: randomUUID(), eventType: 'Tick', data: { pad: 'x'.repeat(Math.floor(random() * 400)) } }));
      const ids = events.map((e) => e.eventId).join(',');
      process.stdout.write(`I ${ids}\n`);
      await store.append(`tick-${Math.floor(random() * 5)}`, events);
      process.stdout.write(`A ${ids}\n`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(3);
});
