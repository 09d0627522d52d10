/*{
    "DESCRIPTION": "A float input whose MIN is above its MAX and whose DEFAULT lies outside both: drawn as red",
    "ISFVSN": "2",
    "INPUTS": [
        { "NAME": "size", "TYPE": "float", "MIN": 1.0, "MAX": 0.25, "DEFAULT": 0.001 }
    ]
}*/

void main() {
    gl_FragColor = vec4(size, 0.0, 0.0, 1.0);
}
