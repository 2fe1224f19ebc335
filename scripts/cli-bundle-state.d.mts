/** Whether dist/cli/ holds a bundle built from the current sources (`root`: the repository as a file: URL ending in '/'). */
export function bundleIsCurrent(root: URL): boolean;
