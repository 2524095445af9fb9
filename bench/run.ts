import { benchCommandLoop } from './command-loop.bench';

/** `npm run bench`: prints the figures the targets are judged by (no assertions). */
async function main() {
  const print = (line: string) => console.log(line);
  console.log('== command loop and statutory clock');
  await benchCommandLoop(print);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
