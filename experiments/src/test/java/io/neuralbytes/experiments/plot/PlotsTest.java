package io.neuralbytes.experiments.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.experiments.output.AtomicFiles;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

class PlotsTest {

    @TempDir
    Path temp;

    @Test
    void firstNonFiniteFindsNaNAndInfinity() {
        assertEquals(3, LineChart.firstNonFinite(new double[] {1, 2, 3}));
        assertEquals(1, LineChart.firstNonFinite(new double[] {1, Double.NaN, 3}));
        assertEquals(0, LineChart.firstNonFinite(new double[] {Double.NEGATIVE_INFINITY}));
    }

    @Test
    void hugeTicksGetAnExponent() {
        var format = LineChart.tickFormatter(2e303);
        assertEquals("2E303", format.apply(2e303));
        assertEquals("1.5E7", format.apply(1.5e7));
        assertEquals("0", format.apply(0.0));
        assertEquals("277.5", LineChart.tickFormatter(10).apply(277.5));
    }

    @Test
    void thinningKeepsEnds() {
        int[] kept = LineChart.thinnedIndices(80_000);
        assertEquals(LineChart.MAX_POINTS, kept.length);
        assertEquals(0, kept[0]);
        assertEquals(79_999, kept[kept.length - 1]);
        assertArrayEquals(new int[] {0, 1, 2}, LineChart.thinnedIndices(3));
    }

    @Test
    void lineChartWithDivergedSeriesWritesPng() throws Exception {
        double[] cost = {0.2, 0.4, 0.9, Double.NaN, Double.NaN};
        double[] fine = {0.2, 0.1, 0.05, 0.02, 0.01};
        BufferedImage image = new LineChart("cost", "epoch", "cost").logarithmicY(true)
                .series("diverged", cost).series("fine", fine).render();
        assertEquals(PlotStyle.WIDTH, image.getWidth());
        assertTrue(countPixels(image, Color.RED.getRGB()) > 50,
                "the divergence must be marked in red");

        Path file = temp.resolve("loss.png");
        AtomicFiles.writePng(file, image);
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(image.getHeight(), read.getHeight());
    }

    @Test
    void divergenceAfterOneStepMarkedRight() {
        BufferedImage image = new LineChart("loss", "step", "loss")
                .series("loss", new double[] {277.6, Double.NaN}).render();
        // The dashed line is the column with the most red pixels.
        int lineX = -1;
        int most = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            int red = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) | 0xFF000000) == Color.RED.getRGB()) {
                    red++;
                }
            }
            if (red > most) {
                most = red;
                lineX = x;
            }
        }
        assertTrue(lineX > image.getWidth() * 3 / 4,
                "the dashed line at step 2 must be at the right, found x " + lineX);
    }

    @Test
    void allNaNSeriesLeftOutOfLegend() {
        XYChart chart = new LineChart("cost", "epoch", "cost")
                .series("this run", new double[] {Double.NaN})
                .series("original", new double[] {10, 20}, new double[] {2.1, 1.9})
                .chart();
        assertEquals(List.of("original"), Legends.legendEntries(chart));
        // The divergence is still marked, with a dashed line and a note.
        assertTrue(countPixels(PlotStyle.render(chart), Color.RED.getRGB()) > 50,
                "the divergence must be marked in red");
    }

    @Test
    void onlyAllNaNSeriesHidesLegend() {
        XYChart chart = new LineChart("cost", "epoch", "cost")
                .series("this run", new double[] {Double.NaN}).chart();
        assertEquals(List.of(), Legends.legendEntries(chart));
        assertFalse(chart.getStyler().isLegendVisible());
        BufferedImage image = PlotStyle.render(chart);
        assertTrue(countPixels(image, Color.RED.getRGB()) > 50,
                "the divergence must be marked in red");
    }

    @Test
    void lonePointDrawnAsMarker() {
        XYChart chart = new LineChart("loss", "step", "loss")
                .series("loss", new double[] {277.6, Double.NaN})
                .series("flat", new double[] {1, 2}).chart();
        assertEquals(List.of("loss", "loss: last finite value, NaN from step 2", "flat"), Legends.legendEntries(chart));
        assertSame(SeriesMarkers.CIRCLE, chart.getSeriesMap().get("loss").getMarker());
        assertSame(SeriesMarkers.NONE, chart.getSeriesMap().get("flat").getMarker());
    }

    @Test
    void lineChartRejectsMismatchedLengths() {
        LineChart chart = new LineChart("t", "x", "y");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> chart.series("s", new double[2], new double[3]));
        assertTrue(e.getMessage().contains("x has 2 values and y has 3"), e.getMessage());
        assertThrows(IllegalStateException.class, chart::render);
    }

    @Test
    void contourOfLinearFieldLiesOnLine() {
        // f(x, y) = x + y sampled at 0, 1, 2 on both axes; the level 2 crosses where x + y = 2.
        double[] grid = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                grid[r * 3 + c] = c + r;
            }
        }
        double[] axis = {0, 1, 2};
        double[][] line = Contour.segments(grid, 3, 3, axis, axis, 2.0);
        int points = 0;
        for (int i = 0; i < line[0].length; i++) {
            if (!Double.isNaN(line[0][i])) {
                assertEquals(2.0, line[0][i] + line[1][i], 1e-12);
                points++;
            }
        }
        assertTrue(points >= 4, "expected segments in at least two squares, got " + points);
    }

    @Test
    void heatMapColoursLowAndHighCorners() {
        int n = 20;
        double[] centers = HeatMapPlot.cellCenters(-0.5, 1.5, n);
        assertEquals(-0.45, centers[0], 1e-12);
        assertEquals(1.45, centers[n - 1], 1e-12);
        double[] p = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                p[r * n + c] = centers[c] + centers[r] > 0.5 ? 1 : 0;
            }
        }
        HeatMapPlot plot = new HeatMapPlot("boundary", "x1", "x2")
                .grid(-0.5, 1.5, -0.5, 1.5, n, n, p)
                .valueRange(0, 1, "p")
                .contour(0.5, "p = 0.5")
                .points("target 1", new double[] {1}, new double[] {1}, Color.BLACK,
                        SeriesMarkers.CIRCLE);
        BufferedImage image = plot.render();
        int blue = ColorScale.blueWhiteRed().rgb(0) | 0xFF000000;
        int red = ColorScale.blueWhiteRed().rgb(1) | 0xFF000000;
        assertTrue(countPixels(image, blue) > 10_000, "bottom-left region is blue");
        assertTrue(countPixels(image, red) > 10_000, "top-right region is red");
    }

    @Test
    void heatMapRejectsWrongValueCount() {
        HeatMapPlot plot = new HeatMapPlot("t", "x", "y");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plot.grid(0, 1, 0, 1, 3, 3, new double[8]));
        assertTrue(e.getMessage().contains("3 x 3 with 8 values"), e.getMessage());
    }

    @Test
    void confusionMatrixRenders() throws Exception {
        int[][] counts = {{5, 1, 0}, {2, 7, 1}, {0, 0, 9}};
        BufferedImage image = ConfusionMatrixPlot.render("confusion",
                List.of("cat", "dog", "ship"), counts);
        assertTrue(image.getWidth() > 300);
        AtomicFiles.writePng(temp.resolve("cm.png"), image);
        assertTrue(Files.size(temp.resolve("cm.png")) > 1000);
    }

    @Test
    void confusionMatrixRejectsRaggedRows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrixPlot.render("c", List.of("a", "b"),
                        new int[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1 has 1 counts; expected 2"), e.getMessage());
    }

    @Test
    void imageGridPaintsGreyLevels() {
        double[] black = new double[4];
        double[] white = {1, 1, 1, 1};
        BufferedImage image = new ImageGridPlot("grid", 2, 2).pixelSize(10).columns(2)
                .render(List.of(black, white), List.of("black", "white"));
        assertTrue(countPixels(image, 0xFF000000) >= 400, "the black image is 20 x 20 pixels");
        assertEquals(2 * (60 + 10) + 10, image.getWidth());
    }

    @Test
    void imageGridNormalizesEachImage() {
        double[] weights = {-3, -3, 5, 5};
        BufferedImage image = new ImageGridPlot("filters", 2, 2).pixelSize(10)
                .normalizeEach(true).render(List.of(weights), List.of(""));
        assertTrue(countPixels(image, 0xFF000000) >= 200, "the minimum is black");
    }

    @Test
    void imageGridRejectsWrongImageSize() {
        ImageGridPlot grid = new ImageGridPlot("g", 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> grid.render(List.of(new double[3]), List.of("x")));
        assertTrue(e.getMessage().contains("image 0 has 3 values; expected 4"), e.getMessage());
    }

    private static int countPixels(BufferedImage image, int argb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) | 0xFF000000) == argb) {
                    count++;
                }
            }
        }
        return count;
    }
}
