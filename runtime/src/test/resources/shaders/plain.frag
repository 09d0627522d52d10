// A plain GLSL layer: Liquide declares TIME, RENDERSIZE and the other built-ins,
// and every uniform declared here becomes an input the show can set.
#version 330

uniform float speed = 0.5;
uniform vec2 center = vec2(0.5, 0.5);
uniform vec4 ink;

out vec4 fragColor;

void main() {
    vec2 p = (gl_FragCoord.xy / RENDERSIZE - center) * vec2(RENDERSIZE.x / RENDERSIZE.y, 1.0);
    float rings = 0.5 + 0.5 * sin(length(p) * 40.0 - TIME * speed * 10.0);
    fragColor = vec4(mix(vec3(rings), ink.rgb, ink.a), 1.0);
}
