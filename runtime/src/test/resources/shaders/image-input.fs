/*{
    "DESCRIPTION": "Tiles an image input twice and tints it; _paper_imgSize is the spec's size uniform",
    "ISFVSN": "2",
    "INPUTS": [
        { "NAME": "paper", "TYPE": "image" },
        { "NAME": "tint", "TYPE": "color", "DEFAULT": [1.0, 1.0, 1.0, 1.0] }
    ]
}*/

void main() {
    vec2 uv = fract(isf_FragNormCoord * 2.0);
    vec4 c = IMG_NORM_PIXEL(paper, uv) * tint;
    float sizeOk = _paper_imgSize == vec2(16.0, 16.0) ? 1.0 : 0.0;
    gl_FragColor = vec4(c.rgb, 1.0) * (0.5 + 0.5 * sizeOk);
}
