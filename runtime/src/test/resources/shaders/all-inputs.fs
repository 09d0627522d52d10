/*{
    "DESCRIPTION": "One band per input type: float, bool, long, point2D, color, event, image",
    "ISFVSN": "2",
    "INPUTS": [
        { "NAME": "level", "TYPE": "float", "MIN": 0.0, "MAX": 2.0, "DEFAULT": 1.0 },
        { "NAME": "invert", "TYPE": "bool", "DEFAULT": false },
        { "NAME": "mode", "TYPE": "long", "VALUES": [0, 1, 2], "LABELS": ["red", "green", "blue"], "DEFAULT": 0 },
        { "NAME": "spot", "TYPE": "point2D", "DEFAULT": [0.5, 0.5], "MIN": [0.0, 0.0], "MAX": [1.0, 1.0] },
        { "NAME": "tint", "TYPE": "color", "DEFAULT": [0.0, 0.0, 0.0, 1.0] },
        { "NAME": "flash", "TYPE": "event" },
        { "NAME": "picture", "TYPE": "image" }
    ]
}*/

void main() {
    vec2 uv = isf_FragNormCoord;
    vec3 c;
    if (uv.x < 1.0 / 7.0) {
        c = vec3(level * 0.5);
    } else if (uv.x < 2.0 / 7.0) {
        c = invert ? vec3(1.0, 1.0, 0.0) : vec3(0.0, 0.0, 1.0);
    } else if (uv.x < 3.0 / 7.0) {
        c = mode == 0 ? vec3(1.0, 0.0, 0.0) : mode == 1 ? vec3(0.0, 1.0, 0.0) : vec3(0.0, 0.0, 1.0);
    } else if (uv.x < 4.0 / 7.0) {
        c = vec3(spot, 0.0);
    } else if (uv.x < 5.0 / 7.0) {
        c = tint.rgb * tint.a;
    } else if (uv.x < 6.0 / 7.0) {
        c = flash ? vec3(1.0) : vec3(0.1);
    } else {
        c = IMG_NORM_PIXEL(picture, vec2((uv.x - 6.0 / 7.0) * 7.0, uv.y)).rgb;
    }
    gl_FragColor = vec4(c, 1.0);
}
