package io.neuralbytes.experiments.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A grid of small grey images with a caption under each, such as input images with their
 * labels or the filters of a convolution layer.
 *
 * <p>Each image is {@code imageRows x imageCols} values, row-major. By default values are
 * grey levels in [0, 1] (clamped); with {@link #normalizeEach} every image is stretched from
 * its own minimum (black) to its maximum (white), which suits weights of any sign.
 */
public final class ImageGridPlot {

    private final String title;
    private final int imageRows;
    private final int imageCols;
    private int columns = 8;
    private int pixelSize = 3;
    private boolean normalizeEach;

    public ImageGridPlot(String title, int imageRows, int imageCols) {
        if (imageRows < 1 || imageCols < 1) {
            throw new IllegalArgumentException("image grid: image size " + imageRows + " x "
                    + imageCols + "; expected at least 1 x 1");
        }
        this.title = title;
        this.imageRows = imageRows;
        this.imageCols = imageCols;
    }

    /** Sets the number of images per grid row (default 8). */
    public ImageGridPlot columns(int columns) {
        this.columns = Math.max(1, columns);
        return this;
    }

    /** Sets the screen pixels per image value along each side (default 3). */
    public ImageGridPlot pixelSize(int pixelSize) {
        this.pixelSize = Math.max(1, pixelSize);
        return this;
    }

    public ImageGridPlot normalizeEach(boolean enabled) {
        this.normalizeEach = enabled;
        return this;
    }

    /**
     * Renders {@code images} with {@code captions} (same count; a caption may be empty).
     */
    public BufferedImage render(List<double[]> images, List<String> captions) {
        if (images.isEmpty() || images.size() != captions.size()) {
            throw new IllegalArgumentException("image grid: " + images.size() + " images and "
                    + captions.size() + " captions; expected the same non-zero count");
        }
        int n = images.size();
        int gridColumns = Math.min(columns, n);
        int gridRows = (n + gridColumns - 1) / gridColumns;
        int tileWidth = Math.max(imageCols * pixelSize, 60);
        int tileHeight = imageRows * pixelSize;
        int gap = 10;
        int captionHeight = 18;
        int titleHeight = 34;
        int width = gap + gridColumns * (tileWidth + gap);
        int height = titleHeight + gridRows * (tileHeight + captionHeight + gap) + gap;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(PlotStyle.TITLE_FONT);
        FontMetrics titleMetrics = g.getFontMetrics();
        g.drawString(title, Math.max(gap, (width - titleMetrics.stringWidth(title)) / 2), 22);

        g.setFont(PlotStyle.LABEL_FONT.deriveFont(11f));
        FontMetrics metrics = g.getFontMetrics();
        for (int i = 0; i < n; i++) {
            double[] pixels = images.get(i);
            if (pixels.length != imageRows * imageCols) {
                throw new IllegalArgumentException("image grid: image " + i + " has "
                        + pixels.length + " values; expected " + imageRows * imageCols);
            }
            int left = gap + (i % gridColumns) * (tileWidth + gap);
            int top = titleHeight + (i / gridColumns) * (tileHeight + captionHeight + gap);
            int imageLeft = left + (tileWidth - imageCols * pixelSize) / 2;
            paintImage(image, pixels, imageLeft, top);
            g.setColor(Color.BLACK);
            String caption = captions.get(i);
            g.drawString(caption, left + (tileWidth - metrics.stringWidth(caption)) / 2,
                    top + tileHeight + metrics.getAscent() + 2);
        }
        g.dispose();
        return image;
    }

    private void paintImage(BufferedImage image, double[] pixels, int left, int top) {
        double low = 0;
        double high = 1;
        if (normalizeEach) {
            low = Double.POSITIVE_INFINITY;
            high = Double.NEGATIVE_INFINITY;
            for (double v : pixels) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
            if (!(high > low)) {
                high = low + 1;
            }
        }
        ColorScale grey = ColorScale.grey();
        for (int r = 0; r < imageRows; r++) {
            for (int c = 0; c < imageCols; c++) {
                int rgb = grey.rgb((pixels[r * imageCols + c] - low) / (high - low));
                for (int dy = 0; dy < pixelSize; dy++) {
                    for (int dx = 0; dx < pixelSize; dx++) {
                        image.setRGB(left + c * pixelSize + dx, top + r * pixelSize + dy, rgb);
                    }
                }
            }
        }
    }
}
