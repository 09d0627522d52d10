// A plain GLSL layer (no ISF header): Liquide declares TIME, RENDERSIZE, isf_FragNormCoord and the
// other ISF built-ins, and every uniform declared below becomes an input the show can map and set:
//   liquide shader breathing-rings.frag --output rings.png --set rings=14 --set glow=1,0.4,0.2,1
#version 330

uniform float rings = 9.0;                   // how many rings from centre to edge
uniform float breath = 0.6;                  // breaths per second
uniform vec2 center = vec2(0.5, 0.5);        // in 0..1
uniform vec4 glow = vec4(0.35, 0.75, 1.0, 1.0);

out vec4 fragColor;

void main() {
    vec2 p = (isf_FragNormCoord - center) * vec2(RENDERSIZE.x / RENDERSIZE.y, 1.0);
    float r = length(p);
    float inhale = 0.5 + 0.5 * sin(TIME * breath * 6.2831853);
    float wave = sin(r * rings * 6.2831853 - TIME * 1.5 + inhale * 2.0);
    float ring = smoothstep(0.55, 1.0, wave) * exp(-r * (2.2 - inhale));
    vec3 colour = glow.rgb * ring * 1.4 + glow.rgb * 0.08 * (1.0 - r);
    fragColor = vec4(colour, 1.0);
}
