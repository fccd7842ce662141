import { consoleTable } from './report';
const name = process.argv[2]!;
const mod = await import(`./${name}.ts`);
const fn = Object.values(mod).find((v) => typeof v === 'function' && /Suite$/.test((v as Function).name)) as Function;
const t = performance.now();
const r = await fn({ quick: process.env.BENCH_QUICK === '1', log: (l: string) => process.stderr.write(l + '\n') });
console.log(consoleTable(r.rows)); console.log(r.notes.join('\n')); console.log(((performance.now()-t)/1000).toFixed(1), 's');
