/*{
    "DESCRIPTION": "With clamped-neighbours.vs: the left neighbour's coordinate, clamped to [0,1] in the vertex stage, as red; the pixel's own as green",
    "ISFVSN": "2"
}*/

varying vec2 leftCoord;

void main() {
    gl_FragColor = vec4(leftCoord.x, isf_FragNormCoord.x, leftCoord.y, 1.0);
}
