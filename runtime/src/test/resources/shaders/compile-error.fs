/*{
    "DESCRIPTION": "A typo on line 12: the driver's error must name line 12 of this file",
    "ISFVSN": "2",
    "INPUTS": [
        { "NAME": "amount", "TYPE": "float", "DEFAULT": 0.5 }
    ]
}*/

void main() {
    vec2 uv = isf_FragNormCoord;
    float wave = sin(uv.x * 10.0 + TIME);
    vec3 colour = vec3(wave, amout, 1.0);
    gl_FragColor = vec4(colour, 1.0);
}
