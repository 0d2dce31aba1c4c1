// The API diff in one import; each module is also its own subpath (`@osm-openapi/spec-diff/classify`, ...).
export { bundleAtRef, bundleSpecFolder, readPublishedVersion, readSpecFile } from './bundle.mjs';
export { CLASSES, compareSpecs, countByClass, groupByOperation } from './classify.mjs';
export { changedFilesSince, mergeBase, repositoryRoot } from './git.mjs';
export { sourceLocator } from './locate.mjs';
export { isShallow, specVersions } from './releases.mjs';
export { formatMarkdown, formatText, summaryLine } from './report.mjs';
export { beforeSide } from './sides.mjs';
