import { defineConfig } from 'wxt';

export default defineConfig({
  srcDir: 'extension',
  manifest: { name: 'Statuspage Toolkit' },
});
