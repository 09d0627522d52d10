package sketch.attente;

import org.liquide.sketch.Sketch;

/** A line that breathes in and out, inviting visitors to come closer. */
public class Invitation extends Sketch {
    @Override
    public void draw() {
        clear();
        float breath = (float) (0.5 + 0.5 * Math.sin(seconds() * 0.8));
        textAlign(CENTER, CENTER);
        fill(245, 238, 225, 60 + 170 * breath);
        textSize(height * 0.06f);
        text("approchez-vous", width / 2f, height * 0.82f);
        fill(245, 238, 225, 40 + 80 * breath);
        textSize(height * 0.03f);
        text("Écritures Liquides", width / 2f, height * 0.9f);
    }
}
