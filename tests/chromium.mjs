// Debian's Chromium, as the tests and the bench launch it. Never
// `playwright install`: no browser is downloaded. The background-networking
// flags keep Chromium from calling home (this machine's network is closed).
export const chromiumLaunch = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
