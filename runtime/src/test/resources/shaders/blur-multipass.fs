/*{
    "DESCRIPTION": "Two-pass box blur: horizontal into a smaller buffer, then vertical at full size",
    "ISFVSN": "2",
    "CATEGORIES": ["Blur", "Test"],
    "INPUTS": [
        { "NAME": "inputImage", "TYPE": "image" },
        { "NAME": "downsample", "TYPE": "long", "VALUES": [1, 2, 4], "LABELS": ["full", "half", "quarter"], "DEFAULT": 2 },
        { "NAME": "radius", "TYPE": "float", "MIN": 0.0, "MAX": 8.0, "DEFAULT": 3.0 }
    ],
    "PASSES": [
        { "TARGET": "horizontal", "WIDTH": "floor($WIDTH / $downsample)", "HEIGHT": "max(floor($HEIGHT / $downsample), 1.0)" },
        { }
    ]
}*/

vec4 blur(sampler2D image, vec2 direction) {
    vec4 sum = vec4(0.0);
    float count = 0.0;
    for (float i = -8.0; i <= 8.0; i += 1.0) {
        if (abs(i) <= radius) {
            sum += IMG_NORM_PIXEL(image, isf_FragNormCoord + direction * i / RENDERSIZE);
            count += 1.0;
        }
    }
    return sum / count;
}

void main() {
    if (PASSINDEX == 0) {
        gl_FragColor = blur(inputImage, vec2(1.0, 0.0));
    } else {
        gl_FragColor = blur(horizontal, vec2(0.0, 1.0));
    }
}
