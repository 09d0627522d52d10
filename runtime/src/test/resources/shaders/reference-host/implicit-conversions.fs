/*{
    "DESCRIPTION": "Implicit conversions ISF hosts accept: an int returned from a float function (red: 0 on the left half, 1 on the right), an int compared with and assigned to a uint (green: 95/255 where 200 * x is above 95)",
    "ISFVSN": "2"
}*/

float rightHalf(float x) {
    if (x > 0.5)
        return 1;
    return 0;
}

uint capped(float x) {
    uint code = uint(200.0 * x);
    if (code > 95) {
        code = 95;
    }
    return code;
}

void main() {
    gl_FragColor = vec4(rightHalf(isf_FragNormCoord.x), float(capped(isf_FragNormCoord.x)) / 255.0, 0.0, 1.0);
}
