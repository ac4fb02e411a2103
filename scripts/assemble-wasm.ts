/**
 * `npm run build:wasm`: assembles src/knowledge/search/dot-products.wat into dot-products.wasm, the file the desk
 * loads. The assembler is a development dependency only; the desk itself reads the finished bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import initWabt from 'wabt';

export const watFile = new URL('../src/knowledge/search/dot-products.wat', import.meta.url);
export const wasmFile = new URL('../src/knowledge/search/dot-products.wasm', import.meta.url);

export async function assembleDotProducts(): Promise<Uint8Array> {
  const wabt = await initWabt();
  const module = wabt.parseWat('dot-products.wat', readFileSync(watFile, 'utf8'), { simd: true });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bytes = await assembleDotProducts();
  writeFileSync(wasmFile, bytes);
  console.log(`wrote ${fileURLToPath(wasmFile)} (${bytes.length} bytes)`);
}
