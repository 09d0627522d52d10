/*{
    "DESCRIPTION": "Adds 0.001 a frame to a persistent buffer, FLOAT or not; shows the sum times ten",
    "ISFVSN": "2",
    "INPUTS": [ { "NAME": "useFloat", "TYPE": "bool", "DEFAULT": true } ],
    "PASSES": [
        { "TARGET": "sumFloat", "PERSISTENT": true, "FLOAT": true },
        { "TARGET": "sumBytes", "PERSISTENT": true },
        { }
    ]
}*/

void main() {
    if (PASSINDEX == 0) {
        gl_FragColor = IMG_THIS_PIXEL(sumFloat) + vec4(0.001, 0.0, 0.0, 0.0);
    } else if (PASSINDEX == 1) {
        gl_FragColor = IMG_THIS_PIXEL(sumBytes) + vec4(0.001, 0.0, 0.0, 0.0);
    } else {
        float sum = useFloat ? IMG_THIS_PIXEL(sumFloat).r : IMG_THIS_PIXEL(sumBytes).r;
        gl_FragColor = vec4(sum * 10.0, 0.0, 0.0, 1.0);
    }
}
