package io.neuralbytes.datasets;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Addresses the downloader fetches each dataset from. {@link #official()} names the
 * publishers' servers, and tests and mirrors pass other addresses.
 *
 * @param cifar10Archive address of the CIFAR-10 binary archive ({@code .tar.gz})
 * @param cifar10Md5 MD5 of that archive, 32 hex digits
 * @param gutenberg base address of Project Gutenberg; novel {@code n} is fetched from
 *     {@code <base>cache/epub/<n>/pg<n>.txt}, followed by the base's query string if it has
 *     one (a mirror may need it, for example for an access token)
 */
public record DataSources(URI cifar10Archive, String cifar10Md5, URI gutenberg) {

    public DataSources {
        Objects.requireNonNull(cifar10Archive, "cifar10Archive");
        Objects.requireNonNull(gutenberg, "gutenberg");
        if (cifar10Md5 == null || !cifar10Md5.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("invalid CIFAR-10 archive MD5 '" + cifar10Md5
                    + "': expected 32 hex digits");
        }
        cifar10Md5 = cifar10Md5.toLowerCase(Locale.ROOT);
        if (!gutenberg.getRawPath().endsWith("/")) {
            // The slash goes at the end of the path, because after a query it joins the query.
            String query = gutenberg.getRawQuery() == null ? "" : "?" + gutenberg.getRawQuery();
            String authority = gutenberg.getRawAuthority() == null
                    ? "" : "//" + gutenberg.getRawAuthority();
            gutenberg = URI.create(gutenberg.getScheme() + ":" + authority
                    + gutenberg.getRawPath() + "/" + query);
        }
    }

    /**
     * Returns {@code address} as logs, error messages and reports show it: with its query
     * string, which may carry an access token, replaced by {@code ?...}. Everything from the
     * first {@code ?} on is the query, because a path in an address cannot contain one.
     */
    public static String redacted(String address) {
        int query = address.indexOf('?');
        return query < 0 ? address : address.substring(0, query) + "?...";
    }

    /** Returns {@link #redacted(String)} of the address. */
    public static String redacted(URI address) {
        return redacted(address.toString());
    }

    /** Returns the publishers' addresses and the published CIFAR-10 checksum. */
    public static DataSources official() {
        return new DataSources(Catalogue.CIFAR10_ARCHIVE, Catalogue.CIFAR10_ARCHIVE_MD5,
                Catalogue.GUTENBERG);
    }

    /** Returns these sources with another CIFAR-10 archive address and its MD5. */
    public DataSources withCifar10(URI archive, String md5) {
        return new DataSources(archive, md5, gutenberg);
    }

    /** Returns these sources with another Project Gutenberg base address. */
    public DataSources withGutenberg(URI base) {
        return new DataSources(cifar10Archive, cifar10Md5, base);
    }

    /**
     * Returns the address of the plain-text UTF-8 file of a Gutenberg ebook, with the query
     * string of the base address, which {@link URI#resolve} alone would drop.
     */
    public URI novel(int ebook) {
        URI file = gutenberg.resolve("cache/epub/" + ebook + "/pg" + ebook + ".txt");
        String query = gutenberg.getRawQuery();
        return query == null ? file : URI.create(file + "?" + query);
    }
}
