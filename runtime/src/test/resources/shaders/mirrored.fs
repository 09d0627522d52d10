/*{
    "DESCRIPTION": "With mirrored.vs: the vertex shader mirrors the coordinates and passes a varying",
    "ISFVSN": "2"
}*/

varying vec2 mirroredCoord;

void main() {
    gl_FragColor = vec4(mirroredCoord.x, isf_FragNormCoord.x, 0.0, 1.0);
}
