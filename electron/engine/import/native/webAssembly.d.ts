/**
 * The part of the WebAssembly JS API that lineTagger.ts uses. Node has it as a global, but its
 * types live in TypeScript's DOM library, which the engine's project leaves out so that no DOM API
 * slips into Node code (electron/tsconfig.json).
 */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
  }
  class Global {
    value: unknown;
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
}
