uniform float speed;
out vec4 fragColor;

void main() {
    float wave = sin(TIME * speed)
    fragColor = vec4(wave);
}
