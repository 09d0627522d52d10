/*{
    "DESCRIPTION": "Flowing colour fields: layered noise folded into itself (domain warping), drifting slowly around a centre. A calm, liquid backdrop.",
    "CREDIT": "Liquide examples",
    "ISFVSN": "2.0",
    "VSN": "1.0",
    "CATEGORIES": ["Generator", "Liquid"],
    "INPUTS": [
        { "NAME": "speed", "LABEL": "Speed", "TYPE": "float", "MIN": 0.0, "MAX": 2.0, "DEFAULT": 0.35 },
        { "NAME": "scale", "LABEL": "Scale", "TYPE": "float", "MIN": 0.5, "MAX": 8.0, "DEFAULT": 2.2 },
        { "NAME": "warp", "LABEL": "Warp", "TYPE": "float", "MIN": 0.0, "MAX": 3.0, "DEFAULT": 1.6 },
        { "NAME": "center", "LABEL": "Centre", "TYPE": "point2D", "DEFAULT": [0.5, 0.5], "MIN": [0.0, 0.0], "MAX": [1.0, 1.0] },
        { "NAME": "deep", "LABEL": "Deep colour", "TYPE": "color", "DEFAULT": [0.02, 0.06, 0.20, 1.0] },
        { "NAME": "bright", "LABEL": "Bright colour", "TYPE": "color", "DEFAULT": [0.98, 0.56, 0.36, 1.0] },
        { "NAME": "foam", "LABEL": "Foam colour", "TYPE": "color", "DEFAULT": [0.75, 0.92, 0.95, 1.0] }
    ]
}*/

// Value noise: smooth random values on a grid.
float hash(vec2 p) {
    p = fract(p * vec2(123.34, 456.21));
    p += dot(p, p + 45.32);
    return fract(p.x * p.y);
}

float noise(vec2 p) {
    vec2 i = floor(p);
    vec2 f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    return mix(mix(hash(i), hash(i + vec2(1.0, 0.0)), u.x),
               mix(hash(i + vec2(0.0, 1.0)), hash(i + vec2(1.0, 1.0)), u.x), u.y);
}

// Five octaves, each turned a little so the grid never shows.
float fbm(vec2 p) {
    const mat2 turn = mat2(0.8, 0.6, -0.6, 0.8);
    float sum = 0.0;
    float amplitude = 0.5;
    for (int i = 0; i < 5; i++) {
        sum += amplitude * noise(p);
        p = turn * p * 2.02;
        amplitude *= 0.5;
    }
    return sum;
}

void main() {
    vec2 p = (isf_FragNormCoord - center) * vec2(RENDERSIZE.x / RENDERSIZE.y, 1.0) * scale;
    float t = TIME * speed;

    // Warp the field by itself twice: the shapes fold like ink in a current.
    vec2 q = vec2(fbm(p + vec2(0.0, 0.4 * t)), fbm(p + vec2(5.2, 1.3) - 0.3 * t));
    vec2 r = vec2(fbm(p + warp * q + vec2(1.7, 9.2) + 0.15 * t),
                  fbm(p + warp * q + vec2(8.3, 2.8) - 0.13 * t));
    float f = fbm(p + warp * r);

    vec3 colour = mix(deep.rgb, bright.rgb, clamp(f * f * 2.4, 0.0, 1.0));
    colour = mix(colour, foam.rgb, clamp(pow(length(r), 3.0) * 0.6, 0.0, 0.8));
    colour = mix(colour, deep.rgb * 0.6, clamp(q.y * q.y * 0.9, 0.0, 0.6));
    colour *= 0.65 + 0.5 * f;

    // A soft vignette keeps the eye in the middle.
    float vignette = smoothstep(1.25, 0.25, length(isf_FragNormCoord - 0.5) * 1.6);
    gl_FragColor = vec4(colour * mix(0.55, 1.0, vignette), 1.0);
}
