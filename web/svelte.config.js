// Svelte compiler options for the web app (read by @sveltejs/vite-plugin-svelte and svelte-check).
export default {
  compilerOptions: { runes: true },
};
