/*{
    "DESCRIPTION": "Counts frames in a persistent buffer: red rises by 1/255 a frame; a temporary buffer is black before it is drawn",
    "ISFVSN": "2",
    "PASSES": [
        { "TARGET": "counter", "PERSISTENT": true },
        { "TARGET": "scratch" },
        { }
    ]
}*/

void main() {
    if (PASSINDEX == 0) {
        // Reads its own previous frame, and the temporary buffer before it is drawn this frame.
        vec4 previous = IMG_THIS_PIXEL(counter);
        vec4 stale = IMG_THIS_PIXEL(scratch);
        gl_FragColor = vec4(previous.r + 1.0 / 255.0, stale.g + 0.5, 0.0, 1.0);
    } else if (PASSINDEX == 1) {
        gl_FragColor = vec4(0.0, 1.0, 0.0, 1.0);
    } else {
        vec4 count = IMG_THIS_PIXEL(counter);
        gl_FragColor = vec4(count.r, count.g, IMG_THIS_PIXEL(scratch).g, 1.0);
    }
}
