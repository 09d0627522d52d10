/*{
    "DESCRIPTION": "A soft glow around the bright parts of the layers below: bright areas are picked at quarter size, blurred across then down, and added back in a tint.",
    "CREDIT": "Liquide examples",
    "ISFVSN": "2.0",
    "VSN": "1.0",
    "CATEGORIES": ["Blur", "Glow", "Filter"],
    "INPUTS": [
        { "NAME": "inputImage", "TYPE": "image" },
        { "NAME": "threshold", "LABEL": "Threshold", "TYPE": "float", "MIN": 0.0, "MAX": 0.95, "DEFAULT": 0.55 },
        { "NAME": "intensity", "LABEL": "Intensity", "TYPE": "float", "MIN": 0.0, "MAX": 3.0, "DEFAULT": 1.3 },
        { "NAME": "radius", "LABEL": "Radius", "TYPE": "float", "MIN": 0.5, "MAX": 4.0, "DEFAULT": 2.0 },
        { "NAME": "tint", "LABEL": "Tint", "TYPE": "color", "DEFAULT": [1.0, 0.82, 0.62, 1.0] }
    ],
    "PASSES": [
        { "TARGET": "bright", "WIDTH": "max(floor($WIDTH / 4), 1)", "HEIGHT": "max(floor($HEIGHT / 4), 1)" },
        { "TARGET": "across", "WIDTH": "max(floor($WIDTH / 4), 1)", "HEIGHT": "max(floor($HEIGHT / 4), 1)" },
        { "TARGET": "down", "WIDTH": "max(floor($WIDTH / 4), 1)", "HEIGHT": "max(floor($HEIGHT / 4), 1)" },
        { }
    ]
}*/

// A 13-tap Gaussian along one direction; RENDERSIZE is this pass's (quarter) size.
vec4 gaussian(sampler2D image, vec2 direction) {
    const float weights[7] = float[7](0.1995, 0.1760, 0.1210, 0.0648, 0.0270, 0.0088, 0.0022);
    vec2 stride = direction * radius / RENDERSIZE;
    vec4 sum = IMG_NORM_PIXEL(image, isf_FragNormCoord) * weights[0];
    for (int i = 1; i < 7; i++) {
        sum += IMG_NORM_PIXEL(image, isf_FragNormCoord + stride * float(i)) * weights[i];
        sum += IMG_NORM_PIXEL(image, isf_FragNormCoord - stride * float(i)) * weights[i];
    }
    return sum;
}

void main() {
    if (PASSINDEX == 0) {
        // Average four pixels of the full-size image, keep what is above the threshold.
        vec2 texel = 1.0 / IMG_SIZE(inputImage);
        vec3 c = (IMG_NORM_PIXEL(inputImage, isf_FragNormCoord + texel * vec2(-1.0, -1.0)).rgb
                + IMG_NORM_PIXEL(inputImage, isf_FragNormCoord + texel * vec2(1.0, -1.0)).rgb
                + IMG_NORM_PIXEL(inputImage, isf_FragNormCoord + texel * vec2(-1.0, 1.0)).rgb
                + IMG_NORM_PIXEL(inputImage, isf_FragNormCoord + texel * vec2(1.0, 1.0)).rgb) * 0.25;
        float luma = dot(c, vec3(0.2126, 0.7152, 0.0722));
        float keep = smoothstep(threshold, threshold + 0.15, luma);
        gl_FragColor = vec4(c * keep, 1.0);
    } else if (PASSINDEX == 1) {
        gl_FragColor = gaussian(bright, vec2(1.0, 0.0));
    } else if (PASSINDEX == 2) {
        gl_FragColor = gaussian(across, vec2(0.0, 1.0));
    } else {
        vec4 base = IMG_THIS_PIXEL(inputImage);
        vec3 glow = IMG_THIS_NORM_PIXEL(down).rgb * tint.rgb * intensity;
        // Screen the glow over the image: it brightens without burning out.
        gl_FragColor = vec4(1.0 - (1.0 - base.rgb) * (1.0 - clamp(glow, 0.0, 1.0)), base.a);
    }
}
