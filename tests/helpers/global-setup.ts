import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default function globalSetup() {
  const dist = process.env.BARCHASB_DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));
  const index = `${dist}/index.html`;
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: build the site first (trunk build --release, or scripts/test)`);
  }
}
