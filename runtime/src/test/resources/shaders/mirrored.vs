varying vec2 mirroredCoord;

void main() {
    isf_vertShaderInit();
    mirroredCoord = vec2(1.0 - isf_FragNormCoord.x, isf_FragNormCoord.y);
}
