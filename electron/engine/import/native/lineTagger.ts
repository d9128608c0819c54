/**
 * The tagged copy's inner loop as WebAssembly (wasm/tagLines.ts, built by scripts/build-wasm.mjs
 * into tagLinesWasm.ts), with the memory it works in: the copy pass (taggedCopy.ts) reads the file
 * straight into `input` and writes `outputs` to the copy, so no byte is copied in or out.
 */
import { TAG_LINES_WASM } from './tagLinesWasm';

/** What tag() answers (wasm/tagLines.ts). */
export const TagResult = { Done: 0, OutputFull: 1, LineTooLong: 2 } as const;
export type TagResult = (typeof TagResult)[keyof typeof TagResult];

interface TagLinesExports {
  tag(
    start: number,
    end: number,
    out: number,
    outEnd: number,
    offset: number,
    maxLineBytes: number,
    nativeMaxLineBytes: number,
  ): TagResult;
  setRules(table: number, stampArea: number): void;
  lines: WebAssembly.Global;
  blanks: WebAssembly.Global;
  stoppedAt: WebAssembly.Global;
  written: WebAssembly.Global;
}

export interface TagRun {
  result: TagResult;
  /** Where the next call starts in `input`: the line it stopped at. */
  stoppedAt: number;
  /** The end of what it wrote in the output. */
  written: number;
}

export interface LineTagger {
  /** Where the pass reads: a chunk and the line carried over from the chunk before. */
  readonly input: Buffer;
  readonly outputs: readonly [Buffer, Buffer];
  /** Records and blank lines so far, as the pass counts them. */
  lines: number;
  blanks: number;
  /**
   * Tags the lines of input[from, to), which ends with a LF, into the empty outputs[output].
   * `offset` is the text offset of input[0].
   */
  tag(from: number, to: number, output: 0 | 1, offset: number): TagRun;
}

/** The module's own few bytes come first in its memory (AssemblyScript's static data). */
const RESERVED = 64 * 1024;
const PAGE = 64 * 1024;
let compiled: WebAssembly.Module | undefined;

/**
 * `keyRules`: the table of a family's refusing pattern (keyScan.ts keyRuleTable), placed after
 * the outputs; without one each line's tag says it was not scanned.
 */
export function createLineTagger(
  inputBytes: number,
  outputBytes: number,
  limits: { maxLineBytes: number; nativeMaxLineBytes: number },
  keyRules?: Uint8Array,
): LineTagger {
  compiled ??= new WebAssembly.Module(Buffer.from(TAG_LINES_WASM, 'base64'));
  const outAt = [RESERVED + inputBytes, RESERVED + inputBytes + outputBytes] as const;
  const tableAt = outAt[1] + outputBytes;
  // A stamp (i32) per `once` name, after the table (its header's second i32 counts them).
  const stampsAt = tableAt + (keyRules ? Math.ceil(keyRules.length / 4) * 4 : 0);
  const stampBytes = keyRules ? 4 * new DataView(keyRules.buffer, keyRules.byteOffset).getInt32(4, true) : 0;
  const memory = new WebAssembly.Memory({ initial: Math.ceil((stampsAt + stampBytes) / PAGE) });
  const wasm = new WebAssembly.Instance(compiled, { env: { memory } }).exports as unknown as TagLinesExports;
  const view = (at: number, length: number): Buffer => Buffer.from(memory.buffer, at, length);
  if (keyRules) {
    view(tableAt, keyRules.length).set(keyRules);
    wasm.setRules(tableAt, stampsAt);
  }
  return {
    input: view(RESERVED, inputBytes),
    outputs: [view(outAt[0], outputBytes), view(outAt[1], outputBytes)],
    get lines() {
      return wasm.lines.value as number;
    },
    set lines(n) {
      wasm.lines.value = n;
    },
    get blanks() {
      return wasm.blanks.value as number;
    },
    set blanks(n) {
      wasm.blanks.value = n;
    },
    tag(from, to, output, offset) {
      const out = outAt[output];
      const result = wasm.tag(
        RESERVED + from,
        RESERVED + to,
        out,
        out + outputBytes,
        offset - RESERVED,
        limits.maxLineBytes,
        limits.nativeMaxLineBytes,
      );
      return {
        result,
        stoppedAt: (wasm.stoppedAt.value as number) - RESERVED,
        written: (wasm.written.value as number) - out,
      };
    },
  };
}
