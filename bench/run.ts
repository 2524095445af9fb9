import { benchCommandLoop } from './command-loop.bench';
import { benchPdf } from './pdf.bench';

/** `npm run bench`: prints the figures the targets are judged by (no assertions). */
async function main() {
  const print = (line: string) => console.log(line);
  console.log('== documents');
  await benchPdf(print);
  console.log('== command loop and statutory clock');
  await benchCommandLoop(print);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
