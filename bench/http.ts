/**
 * `npm run bench:http -- http://127.0.0.1:3000 [slug]`: loopback load on a running server's public pages.
 * Bounded in count and time; prints throughput and latency. Start the server with `npm start` first.
 */
import { load } from "./stats";

async function main() {
  const base = process.argv[2] ?? "http://127.0.0.1:3000";
  const slug = process.argv[3] ?? "demograd-sosh-5";
  const targets = [
    ["Встраиваемая страница (кэш)", `/embed/org/${slug}`, 4000, 50],
    ["Публичная страница организации", `/org/${slug}`, 1000, 20],
    ["Открытые данные: CSV показателей", `/open/demo/indicators.csv`, 1000, 20],
  ] as const;
  console.log(`| что | запросов | одновременно | запросов/с | медиана, мс | p95, мс | ошибок |`);
  console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const [what, path, total, concurrency] of targets) {
    let errors = 0;
    await fetch(base + path).then((r) => r.arrayBuffer()); // warm the cache
    const r = await load(total, concurrency, async () => {
      const res = await fetch(base + path);
      await res.arrayBuffer();
      if (res.status !== 200) errors += 1;
    });
    console.log(
      `| ${what} | ${total} | ${concurrency} | ${r.perSecond.toFixed(0)} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${errors} |`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
