/** Renderer names of WebGL implementations that draw on the CPU (no GPU on the machine, or blocked). */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

/**
 * Whether this browser's WebGL draws on the CPU. There, multisampling multiplies the cost of
 * every frame (a full redraw of the 5,000-feature bench park in SwiftShader took 2 to 3 times
 * as long with it), so the map asks for antialiasing only from a real GPU. Probed once, on a
 * throwaway canvas, before the map creates its own context.
 */
export function webglIsSoftware(): boolean {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return SOFTWARE_RENDERERS.test(renderer);
}
