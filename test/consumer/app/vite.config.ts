import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// A plain app config, as an integrator would write it: nothing kit-specific.
export default defineConfig({
  plugins: [react()],
});
