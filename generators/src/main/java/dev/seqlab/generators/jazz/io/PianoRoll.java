package dev.seqlab.generators.jazz.io;

import dev.seqlab.core.plot.Canvas;
import dev.seqlab.core.plot.PngFiles;
import dev.seqlab.generators.jazz.score.Note;
import dev.seqlab.generators.jazz.score.Score;
import dev.seqlab.generators.jazz.theory.Progression;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A piano-roll picture of a score: time across (bars marked, chord symbols on top), pitch up,
 * the solo in orange, piano in blue, bass in green, with octave lines labelled C3, C4, ….
 */
public final class PianoRoll {
    private static final int STEP_PX = 10;
    private static final int KEY_PX = 6;
    private static final int LOW = 33;
    private static final int HIGH = 88;
    private static final int LEFT = 44;
    private static final int TOP = 34;

    private PianoRoll() {}

    /** Draws {@code score} and writes a PNG atomically. */
    public static void write(Score score, Path png) throws IOException {
        PngFiles.write(png, render(score));
    }

    static BufferedImage render(Score score) {
        int w = LEFT + score.steps() * STEP_PX + 10;
        int h = TOP + (HIGH - LOW + 1) * KEY_PX + 10;
        Canvas canvas = Canvas.white(w, h, Canvas.Smoothing.TEXT);
        Graphics2D g = canvas.graphics();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int p = LOW; p <= HIGH; p++) {
            int y = y(p);
            if (Math.floorMod(p, 12) == 0) {
                g.setColor(new Color(200, 200, 200));
                g.drawLine(LEFT, y + KEY_PX, w - 10, y + KEY_PX);
                g.setColor(Color.DARK_GRAY);
                g.drawString("C" + (p / 12 - 1), 6, y + KEY_PX);
            } else if ("0101001010100".charAt(Math.floorMod(p, 12)) == '1') {
                g.setColor(new Color(246, 246, 246));
                g.fillRect(LEFT, y, w - 10 - LEFT, KEY_PX);
            }
        }
        Progression prog = score.progression();
        for (int s = 0; s <= score.steps(); s += 4) {
            int x = LEFT + s * STEP_PX;
            g.setColor(s % Progression.STEPS_PER_BAR == 0 ? new Color(120, 120, 120) : new Color(225, 225, 225));
            g.drawLine(x, TOP, x, h - 10);
            if (s < score.steps() && prog.chordStart(s) == s) {
                g.setColor(Color.BLACK);
                g.drawString(prog.chordAt(s).symbol(), x + 3, TOP - 8);
            }
        }
        draw(g, score.comping(), new Color(90, 140, 220));
        draw(g, score.bass(), new Color(60, 160, 90));
        draw(g, score.melody(), new Color(235, 120, 20));
        return canvas.finish();
    }

    private static void draw(Graphics2D g, List<Note> notes, Color c) {
        for (Note n : notes) {
            if (n.pitch() < LOW || n.pitch() > HIGH) {
                continue;
            }
            int x = LEFT + n.start() * STEP_PX;
            g.setColor(c);
            g.fillRect(x + 1, y(n.pitch()), n.duration() * STEP_PX - 2, KEY_PX - 1);
            g.setColor(c.darker());
            g.drawRect(x + 1, y(n.pitch()), n.duration() * STEP_PX - 2, KEY_PX - 1);
        }
    }

    private static int y(int pitch) {
        return TOP + (HIGH - pitch) * KEY_PX;
    }
}
