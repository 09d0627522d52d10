/*{
    "DESCRIPTION": "Ink in water: the edges of the layers below bleed ink that a slow, swirling current carries away and dissolves. The ink lives in a persistent float buffer, so it builds up over time. Fire 'drop' for a splash at 'dropAt'.",
    "CREDIT": "Liquide examples",
    "ISFVSN": "2.0",
    "VSN": "1.0",
    "CATEGORIES": ["Feedback", "Liquid", "Filter"],
    "INPUTS": [
        { "NAME": "inputImage", "TYPE": "image" },
        { "NAME": "flow", "LABEL": "Current", "TYPE": "float", "MIN": 0.0, "MAX": 4.0, "DEFAULT": 1.2 },
        { "NAME": "swirl", "LABEL": "Swirl size", "TYPE": "float", "MIN": 0.5, "MAX": 8.0, "DEFAULT": 1.8 },
        { "NAME": "bleed", "LABEL": "Ink from edges", "TYPE": "float", "MIN": 0.0, "MAX": 1.0, "DEFAULT": 0.5 },
        { "NAME": "dissolve", "LABEL": "Dissolve", "TYPE": "float", "MIN": 0.0, "MAX": 0.1, "DEFAULT": 0.012 },
        { "NAME": "ink", "LABEL": "Ink colour", "TYPE": "color", "DEFAULT": [0.08, 0.18, 0.55, 1.0] },
        { "NAME": "drop", "LABEL": "Drop", "TYPE": "event" },
        { "NAME": "dropAt", "LABEL": "Drop at", "TYPE": "point2D", "DEFAULT": [0.5, 0.5], "MIN": [0.0, 0.0], "MAX": [1.0, 1.0] }
    ],
    "PASSES": [
        { "TARGET": "water", "PERSISTENT": true, "FLOAT": true },
        { }
    ]
}*/

float hash(vec2 p) {
    p = fract(p * vec2(234.34, 435.345));
    p += dot(p, p + 34.23);
    return fract(p.x * p.y);
}

float noise(vec2 p) {
    vec2 i = floor(p);
    vec2 f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    return mix(mix(hash(i), hash(i + vec2(1.0, 0.0)), u.x),
               mix(hash(i + vec2(0.0, 1.0)), hash(i + vec2(1.0, 1.0)), u.x), u.y);
}

float stream(vec2 p) {
    return noise(p) + 0.4 * noise(p * 2.1 + 3.7);
}

// The current: the curl of a slowly changing noise field, so the water neither gathers nor empties.
vec2 current(vec2 uv) {
    vec2 p = uv * vec2(RENDERSIZE.x / RENDERSIZE.y, 1.0) * swirl + vec2(0.0, TIME * 0.05);
    float e = 0.01;
    float dx = stream(p + vec2(e, 0.0)) - stream(p - vec2(e, 0.0));
    float dy = stream(p + vec2(0.0, e)) - stream(p - vec2(0.0, e));
    return vec2(dy, -dx) / (2.0 * e);
}

float luma(vec3 c) {
    return dot(c, vec3(0.2126, 0.7152, 0.0722));
}

void main() {
    vec2 uv = isf_FragNormCoord;
    vec2 texel = 1.0 / RENDERSIZE;
    if (PASSINDEX == 0) {
        // Carry last frame's ink along the current, blurring it slightly as it spreads.
        vec2 from = uv - current(uv) * flow * texel * 1.5;
        vec4 carried = IMG_NORM_PIXEL(water, from) * 0.6
                + (IMG_NORM_PIXEL(water, from + vec2(texel.x, 0.0)) + IMG_NORM_PIXEL(water, from - vec2(texel.x, 0.0))
                 + IMG_NORM_PIXEL(water, from + vec2(0.0, texel.y)) + IMG_NORM_PIXEL(water, from - vec2(0.0, texel.y))) * 0.1;
        // New ink where the picture below has edges.
        float l = luma(IMG_THIS_PIXEL(inputImage).rgb);
        float edge = abs(luma(IMG_NORM_PIXEL(inputImage, uv + vec2(texel.x, 0.0)).rgb) - l)
                   + abs(luma(IMG_NORM_PIXEL(inputImage, uv + vec2(0.0, texel.y)).rgb) - l);
        float source = smoothstep(0.12, 0.45, edge) * bleed * 0.3;
        if (drop) {
            vec2 d = (uv - dropAt) * vec2(RENDERSIZE.x / RENDERSIZE.y, 1.0);
            source += smoothstep(0.08, 0.0, length(d)) * 3.0;
        }
        // Colour is kept premultiplied by density, so inks of several colours would mix.
        vec4 next = carried * (1.0 - dissolve) + vec4(ink.rgb, 1.0) * source;
        gl_FragColor = min(next, vec4(8.0));
    } else {
        vec4 held = IMG_THIS_PIXEL(water);
        vec3 below = IMG_THIS_PIXEL(inputImage).rgb;
        float density = held.a;
        vec3 inkColour = density > 0.0001 ? held.rgb / density : ink.rgb;
        // Dense ink hides the picture; thin ink tints it. Darker where it is densest, like real ink.
        float cover = 1.0 - exp(-density * 2.2);
        vec3 colour = mix(below, inkColour * (1.1 - 0.5 * clamp(density - 1.0, 0.0, 1.0)), cover);
        gl_FragColor = vec4(colour, 1.0);
    }
}
