/*{
    "DESCRIPTION": "Encodes the ISF built-ins as colours: coordinates below, TIME, FRAMEINDEX, RENDERSIZE and DATE in bands above",
    "CREDIT": "Liquide tests",
    "ISFVSN": "2.0",
    "CATEGORIES": ["Test"],
    "INPUTS": []
}*/

void main() {
    vec2 uv = isf_FragNormCoord;
    if (uv.y < 0.5) {
        gl_FragColor = vec4(uv.x, uv.y * 2.0, gl_FragCoord.x / RENDERSIZE.x, 1.0);
    } else if (uv.x < 0.2) {
        gl_FragColor = vec4(fract(TIME), TIMEDELTA * 30.0, 0.0, 1.0);
    } else if (uv.x < 0.4) {
        gl_FragColor = vec4(0.0, float(FRAMEINDEX) / 255.0, float(PASSINDEX), 1.0);
    } else if (uv.x < 0.6) {
        gl_FragColor = vec4(RENDERSIZE / 255.0, 0.5, 1.0);
    } else if (uv.x < 0.8) {
        bool dateOk = DATE.x == 2027.0 && DATE.y == 1.0 && DATE.z == 15.0;
        gl_FragColor = vec4(dateOk ? 1.0 : 0.0, DATE.w / 86400.0, 0.0, 1.0);
    } else {
        gl_FragColor = vec4(0.1, 0.2, 0.3, 1.0);
    }
}
