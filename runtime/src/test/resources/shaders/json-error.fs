/*{
    "DESCRIPTION": "A missing comma after the DEFAULT on line 5: the error must name line 6, column 13",
    "INPUTS": [
        { "NAME": "amount", "TYPE": "float",
          "DEFAULT": 0.5
            "MIN": 0.0 }
    ]
}*/

void main() {
    gl_FragColor = vec4(amount);
}
