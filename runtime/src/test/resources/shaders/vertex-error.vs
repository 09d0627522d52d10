void main() {
    isf_vertShaderInit();
    // the next line assigns a float to a vec4
    gl_Position = 1.0;
}
