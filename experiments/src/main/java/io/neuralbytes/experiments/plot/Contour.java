package io.neuralbytes.experiments.plot;

import java.util.ArrayList;
import java.util.List;

/** Marching squares: the line where a function sampled on a grid crosses a level. */
final class Contour {

    private Contour() {
    }

    /**
     * Returns the contour of {@code values} (row-major, {@code rows x cols}, sampled at
     * {@code xs[c]}, {@code ys[r]}) at {@code level}, as x and y arrays of line segments, each
     * segment two points followed by a NaN point so that the segments are not joined.
     * Along each grid edge the crossing is placed by linear interpolation; a saddle square is
     * resolved by the mean of its four corners.
     */
    static double[][] segments(double[] values, int rows, int cols, double[] xs, double[] ys,
                               double level) {
        List<double[]> points = new ArrayList<>();
        for (int r = 0; r + 1 < rows; r++) {
            for (int c = 0; c + 1 < cols; c++) {
                square(values, cols, xs, ys, level, r, c, points);
            }
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new double[][] {x, y};
    }

    private static void square(double[] v, int cols, double[] xs, double[] ys, double level,
                               int r, int c, List<double[]> out) {
        // Corners counter-clockwise from the bottom left: (r, c), (r, c+1), (r+1, c+1), (r+1, c).
        double[] value = {v[r * cols + c], v[r * cols + c + 1],
                v[(r + 1) * cols + c + 1], v[(r + 1) * cols + c]};
        double[] cx = {xs[c], xs[c + 1], xs[c + 1], xs[c]};
        double[] cy = {ys[r], ys[r], ys[r + 1], ys[r + 1]};
        for (double corner : value) {
            if (!Double.isFinite(corner)) {
                return;
            }
        }
        List<double[]> crossings = new ArrayList<>(4);
        for (int edge = 0; edge < 4; edge++) {
            int a = edge;
            int b = (edge + 1) % 4;
            boolean aAbove = value[a] >= level;
            boolean bAbove = value[b] >= level;
            if (aAbove != bAbove) {
                double t = (level - value[a]) / (value[b] - value[a]);
                crossings.add(new double[] {cx[a] + t * (cx[b] - cx[a]),
                        cy[a] + t * (cy[b] - cy[a])});
            }
        }
        if (crossings.size() == 2) {
            addSegment(out, crossings.get(0), crossings.get(1));
        } else if (crossings.size() == 4) {
            double mean = (value[0] + value[1] + value[2] + value[3]) / 4;
            boolean centreLikeCorner0 = (mean >= level) == (value[0] >= level);
            // Crossings lie on edges 0-1, 1-2, 2-3, 3-0 in that order.
            if (centreLikeCorner0) {
                addSegment(out, crossings.get(0), crossings.get(1));
                addSegment(out, crossings.get(2), crossings.get(3));
            } else {
                addSegment(out, crossings.get(3), crossings.get(0));
                addSegment(out, crossings.get(1), crossings.get(2));
            }
        }
    }

    private static void addSegment(List<double[]> out, double[] from, double[] to) {
        out.add(from);
        out.add(to);
        out.add(new double[] {Double.NaN, Double.NaN});
    }
}
