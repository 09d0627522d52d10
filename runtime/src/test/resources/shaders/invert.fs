/*{
    "DESCRIPTION": "Inverts the layers below",
    "ISFVSN": "2",
    "CATEGORIES": ["Color Effect"],
    "INPUTS": [ { "NAME": "inputImage", "TYPE": "image" } ]
}*/

void main() {
    vec4 below = IMG_THIS_PIXEL(inputImage);
    gl_FragColor = vec4(1.0 - below.rgb, below.a);
}
