// The qrcode package's encoder on its own (no canvas or string renderers, which the poster does not use): the same
// `create` as the package's main export, typed by @types/qrcode.
declare module 'qrcode/lib/core/qrcode' {
  export { create } from 'qrcode';
}
