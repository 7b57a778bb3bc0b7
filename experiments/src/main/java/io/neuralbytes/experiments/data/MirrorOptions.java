package io.neuralbytes.experiments.data;

import io.neuralbytes.datasets.Catalogue;
import io.neuralbytes.datasets.DataSources;
import java.net.URI;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * The options that name the addresses missing data is downloaded from, taken by
 * {@code reproduce} and {@code data download}. {@code data status} downloads nothing and so
 * does not take them.
 */
public final class MirrorOptions {

    @Option(names = "--cifar10-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Download the CIFAR-10 binary archive (.tar.gz) from URL, a mirror,"
                    + " instead of the University of Toronto; logs and reports show a query"
                    + " string in URL as ?...")
    URI cifar10Url;

    @Option(names = "--cifar10-md5", scope = ScopeType.INHERIT, paramLabel = "HEX",
            description = "MD5 the archive from --cifar10-url must have, 32 hex digits"
                    + " (default: the published " + Catalogue.CIFAR10_ARCHIVE_MD5 + "). Only"
                    + " with --cifar10-url.")
    String cifar10Md5;

    @Option(names = "--gutenberg-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Base address of a Project Gutenberg mirror; ebook N is fetched from"
                    + " URL/cache/epub/N/pgN.txt, with URL's query string, if any, kept at the"
                    + " end; logs and reports show the query as ?... (default: Project"
                    + " Gutenberg's own server).")
    URI gutenbergUrl;

    /**
     * Returns the official download addresses with the overrides these options give.
     *
     * @param commandLine the command whose options these are, for error messages
     * @throws ParameterException if an address is not http or https, or the MD5 is not 32 hex
     *     digits
     */
    public DataSources sources(CommandLine commandLine) {
        DataSources sources = DataSources.official();
        if (cifar10Url != null || cifar10Md5 != null) {
            URI archive = cifar10Url != null
                    ? requireHttp(commandLine, "--cifar10-url", cifar10Url)
                    : sources.cifar10Archive();
            String md5 = cifar10Md5 != null ? cifar10Md5 : sources.cifar10Md5();
            if (!md5.matches("[0-9a-fA-F]{32}")) {
                throw new ParameterException(commandLine, "--cifar10-md5 must be 32 hex digits,"
                        + " got '" + md5 + "'");
            }
            if (cifar10Url == null) {
                // A checksum other than the published one could only fail the official archive.
                throw new ParameterException(commandLine, "--cifar10-md5 is the MD5 of a"
                        + " mirror's archive, so it needs --cifar10-url; the official archive"
                        + " is always checked against its published MD5 " + Catalogue.CIFAR10_ARCHIVE_MD5);
            }
            sources = sources.withCifar10(archive, md5);
        }
        if (gutenbergUrl != null) {
            sources = sources.withGutenberg(requireHttp(commandLine, "--gutenberg-url",
                    gutenbergUrl));
        }
        return sources;
    }

    private static URI requireHttp(CommandLine commandLine, String option, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ParameterException(commandLine, option + " must be an http or https"
                    + " address such as https://example.org/path, got '"
                    + DataSources.redacted(uri) + "'");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new ParameterException(commandLine, option + " has port " + uri.getPort()
                    + ", but a port must be between 1 and 65535");
        }
        if (uri.getUserInfo() != null) {
            // The address is logged and written into error messages, so a password would leak.
            throw new ParameterException(commandLine, option + " must not contain a user name"
                    + " or password; use a mirror that needs no login");
        }
        return uri;
    }
}
