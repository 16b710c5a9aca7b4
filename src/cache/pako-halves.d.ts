// pako ships types for its deflate half but not for its inflate half; both halves have the same
// API as the whole package.
declare module 'pako/browser/inflate' {
  export { ungzip, inflate, inflateRaw, Inflate } from 'pako';
}
