/** Tailwind 4 runs as a PostCSS plugin; sources are declared in src/app/globals.css. */
export default { plugins: { '@tailwindcss/postcss': {} } };
