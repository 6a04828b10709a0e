/**
 * `npx tsx scripts/benchmark-trend-chart.ts [renders] [--against <repo root>]`: what one weekly-summary
 * trend chart costs drawn cold, as in Apps Script (and the emulator), where every execution starts in a
 * fresh global context so nothing is optimised yet. The chart module is bundled as the server bundle is
 * (esbuild, es2020 IIFE) and each render runs in its own new vm context; prints the median and mean
 * time per render and the PNG's bytes. With --against, the same is measured for another checkout (say
 * /work/main) and the two charts are decoded and compared pixel by pixel (largest channel difference,
 * pixels that differ), so a faster renderer can show it still draws the same picture.
 */
import * as path from 'node:path';
import { runInNewContext } from 'node:vm';
import { inflateSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import type { TrendPoint as Point } from '../src/core/report/trend-chart';

/** Twelve weeks (the weekly summary's span), the first partial, values like a busy library's. */
const POINTS: Point[] = [12, 15, 9, 21, 18, 24, 17, 41, 33, 28, 36, 19].map((cases, i) => ({
  label: `W${40 + i}`,
  cases,
  closed: [3, 8, 10, 12, 9, 14, 12, 15, 30, 25, 31, 22][i] as number,
  openBacklog: [9, 16, 15, 24, 33, 43, 48, 74, 77, 80, 85, 82][i] as number,
  openBreaches: [0, 2, 5, 9, 14, 20, 28, 41, 38, 30, 27, 25][i] as number,
  misjudgements: [1, 0, 2, 1, 3, 2, 1, 4, 0, 2, 3, 1][i] as number,
  partial: i === 0 || i === 11,
}));

async function bundle(root: string): Promise<string> {
  const result = await esbuild.build({
    stdin: {
      contents: "export { renderTrendChart } from './trend-chart';\nexport { encodeRgbPng } from './png';\n",
      resolveDir: path.join(root, 'src/core/report'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'chartModule',
    platform: 'neutral',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Milliseconds of CPU this process has used (all its threads): steadier than wall time on a busy machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

interface Run {
  msPerRender: number[];
  /** Of each render, the time the same chart's pixels take to encode, in a context of their own. */
  msPerEncode: number[];
  png: Uint8Array;
}

/** Each render in a fresh context: the bundle evaluated anew, then one chart drawn and timed. */
function measure(code: string, renders: number): Run {
  const msPerRender: number[] = [];
  let png = new Uint8Array(0);
  for (let k = 0; k < renders; k++) {
    const sandbox: { points: Point[]; now: () => number; result: { bytes: Uint8Array; ms: number } | null } =
      {
        points: POINTS,
        now: cpuMs,
        result: null,
      };
    runInNewContext(
      `${code}\nconst started = now(); const chart = chartModule.renderTrendChart(points);` +
        'result = { bytes: chart.bytes, ms: now() - started };',
      sandbox,
    );
    if (!sandbox.result) throw new Error('the bundle drew no chart');
    msPerRender.push(sandbox.result.ms);
    png = new Uint8Array(sandbox.result.bytes);
  }
  const { width, height, pixels } = decode(png);
  const msPerEncode: number[] = [];
  for (let k = 0; k < renders; k++) {
    const sandbox = { image: { width, height, pixels, dpi: 192 }, now: cpuMs, ms: 0 };
    runInNewContext(
      `${code}\nconst started = now(); chartModule.encodeRgbPng(image); ms = now() - started;`,
      sandbox,
    );
    msPerEncode.push(sandbox.ms);
  }
  return { msPerRender, msPerEncode, png };
}

/** RGB pixels of a truecolour 8-bit PNG, any of the five filters undone. */
function decode(png: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const bytes = Buffer.from(png);
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (type === 'IHDR') {
      width = bytes.readUInt32BE(offset + 8);
      height = bytes.readUInt32BE(offset + 12);
    }
    if (type === 'IDAT') idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    for (let x = 0; x < stride; x++) {
      const a = x >= 3 ? (pixels[y * stride + x - 3] as number) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] as number) : 0;
      const c = x >= 3 && y > 0 ? (pixels[(y - 1) * stride + x - 3] as number) : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter] as number;
      pixels[y * stride + x] = ((raw[y * (stride + 1) + 1 + x] as number) + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

function report(name: string, run: Run): void {
  console.log(
    `${name}: median ${median(run.msPerRender).toFixed(1)} ms, mean ${mean(run.msPerRender).toFixed(1)} ms CPU per cold render ` +
      `(${run.msPerRender.length} renders), of which PNG encoding ${median(run.msPerEncode).toFixed(1)} ms; ` +
      `PNG ${run.png.length} bytes`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const againstAt = args.indexOf('--against');
  const against = againstAt >= 0 ? args[againstAt + 1] : undefined;
  const renders = Number(args.find((arg, i) => /^\d+$/.test(arg) && args[i - 1] !== '--against') ?? 20);
  const here = measure(await bundle(process.cwd()), renders);
  if (against === undefined) {
    report('this checkout', here);
    return;
  }
  const other = measure(await bundle(path.resolve(against)), renders);
  report(against, other);
  report('this checkout', here);
  console.log(`speed-up: ${(median(other.msPerRender) / median(here.msPerRender)).toFixed(2)}x (medians)`);
  const a = decode(other.png);
  const b = decode(here.png);
  if (a.width !== b.width || a.height !== b.height) throw new Error('the two charts differ in size');
  let largest = 0;
  let differing = 0;
  for (let i = 0; i < a.pixels.length; i += 3) {
    let pixel = 0;
    for (let c = 0; c < 3; c++)
      pixel = Math.max(pixel, Math.abs((a.pixels[i + c] as number) - (b.pixels[i + c] as number)));
    if (pixel > 0) differing++;
    largest = Math.max(largest, pixel);
  }
  console.log(
    `pixels: ${differing} of ${a.pixels.length / 3} differ, the largest channel difference ${largest}/255`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
