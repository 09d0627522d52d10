/*{
    "DESCRIPTION": "A dot crossing the frame leaves a fading trail in a persistent buffer",
    "ISFVSN": "2",
    "INPUTS": [
        { "NAME": "decay", "TYPE": "float", "MIN": 0.0, "MAX": 1.0, "DEFAULT": 0.9 }
    ],
    "PASSES": [
        { "TARGET": "trail", "PERSISTENT": true },
        { }
    ]
}*/

void main() {
    if (PASSINDEX == 0) {
        vec2 dot = vec2(0.1 + float(FRAMEINDEX) * 0.035, 0.5 + 0.3 * sin(float(FRAMEINDEX) * 0.3));
        vec2 d = (isf_FragNormCoord - dot) * RENDERSIZE / RENDERSIZE.y;
        float ink = smoothstep(0.08, 0.05, length(d));
        vec4 previous = IMG_THIS_PIXEL(trail) * decay;
        gl_FragColor = max(previous, vec4(ink, ink * 0.7, ink * 0.3, ink));
    } else {
        vec4 trail = IMG_THIS_NORM_PIXEL(trail);
        gl_FragColor = vec4(trail.rgb, 1.0);
    }
}
