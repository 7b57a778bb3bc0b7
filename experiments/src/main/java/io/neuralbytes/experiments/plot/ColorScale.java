package io.neuralbytes.experiments.plot;

import java.awt.Color;

/** Maps a number in [0, 1] to a colour; values outside are clamped, NaN is grey. */
@FunctionalInterface
public interface ColorScale {

    /** Returns the colour of {@code t} as packed RGB ({@code 0xRRGGBB}). */
    int rgb(double t);

    /** Blue at 0, white at 0.5, red at 1: for probabilities, where 0.5 is the boundary. */
    static ColorScale blueWhiteRed() {
        return t -> t < 0.5
                ? mix(0x2166AC, 0xF7F7F7, t / 0.5)
                : mix(0xF7F7F7, 0xB2182B, (t - 0.5) / 0.5);
    }

    /** White at 0 to dark blue at 1: for counts and other non-negative values. */
    static ColorScale whiteToBlue() {
        return t -> mix(0xF7FBFF, 0x08306B, t);
    }

    /** Black at 0 to white at 1: for grey images. */
    static ColorScale grey() {
        return t -> mix(0x000000, 0xFFFFFF, t);
    }

    /** Returns the colour of {@code t} as an AWT colour. */
    default Color color(double t) {
        return new Color(rgb(t));
    }

    /** Interpolates linearly between two RGB colours, clamping t to [0, 1]. */
    static int mix(int from, int to, double t) {
        if (Double.isNaN(t)) {
            return 0x808080;
        }
        double s = Math.max(0, Math.min(1, t));
        int r = (int) Math.round(((from >> 16) & 0xFF) * (1 - s) + ((to >> 16) & 0xFF) * s);
        int g = (int) Math.round(((from >> 8) & 0xFF) * (1 - s) + ((to >> 8) & 0xFF) * s);
        int b = (int) Math.round((from & 0xFF) * (1 - s) + (to & 0xFF) * s);
        return (r << 16) | (g << 8) | b;
    }
}
