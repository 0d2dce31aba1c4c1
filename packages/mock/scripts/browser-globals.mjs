// Globals of Node that Prism's library uses at run time, given to the browser bundle by esbuild's
// `inject`: Buffer (Prism parses multipart bodies with it), from the registry's browser port.
export { Buffer } from 'buffer/';
