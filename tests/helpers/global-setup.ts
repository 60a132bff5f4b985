import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default function globalSetup() {
  const index = fileURLToPath(new URL('../../dist/index.html', import.meta.url));
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: build the site first (trunk build --release, or scripts/test)`);
  }
}
