varying vec2 leftCoord;

void main() {
    isf_vertShaderInit();
    // Clamped per vertex, then interpolated: right only if the vertices lie at the picture's corners.
    leftCoord = clamp(isf_FragNormCoord - vec2(1.0 / RENDERSIZE.x, 0.0), 0.0, 1.0);
}
