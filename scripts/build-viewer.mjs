// Placeholder until the viewer bundle lands: the build step exists so `npm run build` is stable.
