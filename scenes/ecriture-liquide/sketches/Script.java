package sketch.ecriture_liquide;

import org.liquide.sketch.Sketch;

/** Types the current shot of the storyboard at the bottom of the picture, like a script being written. */
public class Script extends Sketch {
    private String shown = "";
    private double since;

    @Override
    public void draw() {
        clear();
        String prompt = currentPrompt();
        if (!prompt.equals(shown)) {
            shown = prompt;
            since = seconds();
        }
        int letters = (int) Math.min(shown.length(), (seconds() - since) * 18);
        noStroke();
        fill(0, 0, 0, 120);
        rect(0, height * 0.86f, width, height * 0.14f);
        fill(240, 232, 214);
        textAlign(LEFT, CENTER);
        textSize(height * 0.04f);
        text(shown.substring(0, letters) + (frameCount / 15 % 2 == 0 ? "|" : ""), width * 0.05f, height * 0.93f);
    }
}
