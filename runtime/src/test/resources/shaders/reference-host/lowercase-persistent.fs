/*{
    "DESCRIPTION": "Counts frames in a buffer whose persistence is written in lower case: red rises by 1/255 a frame",
    "ISFVSN": "2",
    "PASSES": [
        { "target": "counter", "persistent": true, "width": "$WIDTH", "float": false },
        { }
    ]
}*/

void main() {
    if (PASSINDEX == 0) {
        gl_FragColor = vec4(IMG_THIS_PIXEL(counter).r + 1.0 / 255.0, 0.0, 0.0, 1.0);
    } else {
        gl_FragColor = IMG_THIS_PIXEL(counter);
    }
}
