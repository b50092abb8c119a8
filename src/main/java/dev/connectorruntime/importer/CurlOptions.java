package dev.connectorruntime.importer;

import java.util.Map;
import java.util.Set;

/**
 * curl's options as {@code import curl} reads them (curl 8's manual): which take a value, their long names, and what
 * becomes of those that do not shape the request.
 */
final class CurlOptions {

    /** Short options that take a value, by their long names. */
    static final Map<Character, String> SHORT_WITH_VALUE = Map.ofEntries(
            Map.entry('X', "--request"), Map.entry('H', "--header"), Map.entry('d', "--data"),
            Map.entry('F', "--form"), Map.entry('u', "--user"), Map.entry('b', "--cookie"),
            Map.entry('A', "--user-agent"), Map.entry('e', "--referer"), Map.entry('o', "--output"),
            Map.entry('w', "--write-out"), Map.entry('m', "--max-time"), Map.entry('x', "--proxy"),
            Map.entry('T', "--upload-file"), Map.entry('c', "--cookie-jar"), Map.entry('E', "--cert"),
            Map.entry('r', "--range"), Map.entry('K', "--config"), Map.entry('y', "--speed-time"),
            Map.entry('Y', "--speed-limit"), Map.entry('z', "--time-cond"), Map.entry('C', "--continue-at"),
            Map.entry('D', "--dump-header"), Map.entry('U', "--proxy-user"), Map.entry('t', "--telnet-option"),
            Map.entry('Q', "--quote"), Map.entry('P', "--ftp-port"));

    /** Short flags, by their long names. */
    static final Map<Character, String> SHORT_FLAGS = Map.ofEntries(
            Map.entry('G', "--get"), Map.entry('I', "--head"), Map.entry('k', "--insecure"),
            Map.entry('s', "--silent"), Map.entry('S', "--show-error"), Map.entry('L', "--location"),
            Map.entry('v', "--verbose"), Map.entry('i', "--include"), Map.entry('f', "--fail"),
            Map.entry('N', "--no-buffer"), Map.entry('#', "--progress-bar"), Map.entry('g', "--globoff"),
            Map.entry('O', "--remote-name"), Map.entry('J', "--remote-header-name"), Map.entry('n', "--netrc"),
            Map.entry('q', "--disable"), Map.entry('R', "--remote-time"), Map.entry('Z', "--parallel"),
            Map.entry('0', "--http1.0"), Map.entry('1', "--tlsv1"), Map.entry('2', "--sslv2"),
            Map.entry('3', "--sslv3"), Map.entry('4', "--ipv4"), Map.entry('6', "--ipv6"),
            Map.entry('j', "--junk-session-cookies"), Map.entry('l', "--list-only"), Map.entry('a', "--append"),
            Map.entry('B', "--use-ascii"), Map.entry('M', "--manual"), Map.entry('V', "--version"),
            Map.entry('h', "--help"), Map.entry('p', "--proxytunnel"));

    /** Long options that take a value (besides those of {@link #SHORT_WITH_VALUE}). */
    static final Set<String> LONG_WITH_VALUE = Set.of("--url", "--data-ascii", "--data-raw", "--data-binary",
            "--data-urlencode", "--json", "--form-string", "--url-query", "--oauth2-bearer", "--connect-timeout",
            "--retry", "--retry-delay", "--retry-max-time", "--cacert", "--capath", "--key", "--key-type",
            "--cert-type", "--pass", "--resolve", "--connect-to", "--interface", "--local-port", "--limit-rate",
            "--max-filesize", "--max-redirs", "--proxy-header", "--noproxy", "--ciphers", "--tls-max",
            "--trace", "--trace-ascii", "--stderr", "--expect100-timeout", "--keepalive-time", "--dns-servers",
            "--aws-sigv4", "--unix-socket", "--abstract-unix-socket", "--netrc-file", "--create-file-mode",
            "--variable", "--expand-url", "--rate", "--parallel-max", "--happy-eyeballs-timeout-ms", "--delegation",
            "--service-name", "--login-options", "--sasl-authzid", "--socks5", "--socks5-hostname", "--socks4",
            "--socks4a", "--preproxy", "--proxy-cacert", "--proxy-cert", "--proxy-key", "--pinnedpubkey",
            "--request-target", "--output-dir", "--mail-from", "--mail-rcpt", "--ftp-method", "--krb",
            "--hostpubmd5", "--hostpubsha256", "--pubkey", "--tlsuser", "--tlspassword", "--crlfile", "--engine",
            "--random-file", "--egd-file", "--doh-url", "--alt-svc", "--hsts", "--etag-save", "--etag-compare",
            "--ip-tos", "--vlan-priority", "--proto", "--proto-redir", "--proto-default", "--curves",
            "--tls13-ciphers", "--form-escape");

    /** Options that change what curl prints or how it behaves locally, never what it sends. */
    static final Set<String> LOCAL = Set.of("--silent", "--show-error", "--verbose", "--include", "--fail",
            "--fail-with-body", "--no-buffer", "--progress-bar", "--output", "--write-out", "--remote-name",
            "--remote-header-name", "--dump-header", "--stderr", "--trace", "--trace-ascii", "--globoff",
            "--remote-time", "--create-dirs", "--output-dir", "--no-progress-meter", "--styled-output",
            "--trace-time", "--trace-ids", "--disable", "--parallel", "--parallel-max", "--create-file-mode",
            "--fail-early", "--show-headers", "--remove-on-error", "--clobber", "--no-clobber", "--etag-save",
            "--xattr", "--manual", "--help", "--version", "--raw");

    private CurlOptions() {
    }

    /** Why an option that does shape the request, or its transport, cannot be carried. */
    static String whyDropped(String option) {
        return switch (option) {
            case "--insecure" -> "refused: TLS verification cannot be turned off, SPEC §8; trust a private CA with"
                    + " the connector's tls.ca_file";
            case "--proxy", "--proxy-user", "--noproxy", "--socks5", "--socks5-hostname", "--preproxy" ->
                    "proxies come from HTTPS_PROXY, HTTP_PROXY and NO_PROXY";
            case "--cacert", "--capath" -> "set the connector's tls.ca_file to a PEM bundle";
            case "--cert", "--key", "--cert-type", "--key-type", "--pass" -> "mutual TLS is not supported";
            case "--max-time", "--connect-timeout" -> "set the connector's or the action's timeout";
            case "--retry", "--retry-delay", "--retry-max-time" -> "set the connector's or the action's retry";
            case "--compressed" -> "the runtime asks for uncompressed answers";
            case "--upload-file" -> "file uploads are not supported";
            case "--netrc", "--netrc-file", "--netrc-optional" -> "credentials come from the connector's auth";
            default -> "not supported by the runtime";
        };
    }
}
