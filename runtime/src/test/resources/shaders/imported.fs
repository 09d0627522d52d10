/*{
    "DESCRIPTION": "Shows an IMPORTED image (left half, stretched) and its IMG_PIXEL/IMG_SIZE (right half)",
    "ISFVSN": "2",
    "IMPORTED": {
        "quadrants": { "PATH": "images/quadrants.png" }
    }
}*/

void main() {
    vec2 uv = isf_FragNormCoord;
    if (uv.x < 0.5) {
        gl_FragColor = IMG_NORM_PIXEL(quadrants, vec2(uv.x * 2.0, uv.y));
    } else {
        // Pixel coordinates of the image: its size is 16x16.
        vec2 size = IMG_SIZE(quadrants);
        vec2 pixel = vec2((uv.x - 0.5) * 2.0, uv.y) * size;
        vec4 c = IMG_PIXEL(quadrants, floor(pixel) + 0.5);
        gl_FragColor = vec4(c.rgb * (size.x == 16.0 && size.y == 16.0 ? 1.0 : 0.2), 1.0);
    }
}
