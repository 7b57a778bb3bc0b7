package io.neuralbytes.datasets;

/**
 * One novel of the catalogue.
 *
 * @param ebook Project Gutenberg ebook number
 * @param title English title
 * @param slug lower-case title with hyphens, used in the file name
 * @param sha256 SHA-256, in lower-case hex, of the UTF-8 copy this project was tested with
 */
public record Novel(int ebook, String title, String slug, String sha256) {

    /** Returns the file name the novel is stored under: {@code pg<ebook>-<slug>.txt}. */
    public String fileName() {
        return "pg" + ebook + "-" + slug + ".txt";
    }
}
