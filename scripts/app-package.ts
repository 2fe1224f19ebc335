/**
 * The package.json that ships inside the desktop app (dist/package.json), derived from the root one.
 *
 * electron-builder always copies the production dependencies' node_modules into the app,
 * whatever `files` says. Main, preload and renderer are fully bundled into dist/, so those
 * modules (react, maplibre-gl, @turf/*, tsx…) would only bloat the installers. Its
 * "two package.json" structure avoids that: electron-builder.yml sets `directories.app: dist`,
 * and dist/package.json, written by scripts/build-electron.mjs, declares no dependencies.
 */

/** The fields of the root package.json the app package is made from. */
export interface RootPackageJson {
  name: string;
  productName: string;
  version: string;
  description: string;
  author: string | { name: string; email?: string };
  license: string;
  desktopName: string;
}

export type AppPackageJson = Pick<RootPackageJson, 'name' | 'productName' | 'version' | 'description' | 'author' | 'license' | 'desktopName'> & {
  main: string;
};

/** Where scripts/build-electron.mjs bundles the main process, relative to dist/. */
export const APP_MAIN = 'electron/main.cjs';

/**
 * Only what Electron and electron-builder read: productName names the app (and its userData
 * folder), desktopName gives Linux windows their WM class / app_id, author and description
 * fill the .deb control file. No dependencies: nothing is installed into the app.
 */
export function appPackageJson(root: RootPackageJson): AppPackageJson {
  for (const key of ['name', 'productName', 'version', 'description', 'license', 'desktopName'] as const) {
    if (typeof root[key] !== 'string' || root[key].trim() === '') throw new Error(`package.json has no "${key}": the desktop app package needs it`);
  }
  return {
    name: root.name,
    productName: root.productName,
    version: root.version,
    description: root.description,
    author: root.author,
    license: root.license,
    desktopName: root.desktopName,
    main: APP_MAIN,
  };
}
