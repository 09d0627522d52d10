/*{ "DESCRIPTION": "Its vertex shader has an error on line 4" }*/
void main() {
    gl_FragColor = vec4(1.0);
}
