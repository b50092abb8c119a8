package dev.connectorruntime.http;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The proxies the environment names (SPEC §2), read from the environment the runtime was given (tests pass a
 * map): {@code HTTPS_PROXY} for https URLs, {@code HTTP_PROXY} for plain http, {@code NO_PROXY} for hosts reached
 * directly; upper case first, then lower case, as Go's {@code httpproxy} reads them.
 *
 * <p>{@code NO_PROXY} is a list separated by commas or spaces: {@code *} (no proxy at all), a host name that
 * matches itself and its subdomains ({@code example.com}, {@code .example.com} and {@code *.example.com} alike, as
 * curl reads them), an IP address or CIDR block ({@code 10.0.0.0/8}), each optionally with {@code :port}. Loopback
 * hosts are never proxied unless {@value #PROXY_LOOPBACK} is set to {@code 1} or {@code true}. In a CGI
 * environment ({@code REQUEST_METHOD} set) the upper-case {@code HTTP_PROXY} is ignored: a client's
 * {@code Proxy:} header arrives there under that name ("httpoxy").
 */
public final class Proxies extends ProxySelector {

    /** Opts in to proxying loopback hosts too (tests use it with a local proxy). */
    public static final String PROXY_LOOPBACK = "CONNECTOR_RUNTIME_PROXY_LOOPBACK";

    /** No proxy for anything. */
    public static final Proxies NONE = new Proxies(null, null, List.of(), false);

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<Proxy> DIRECT = List.of(Proxy.NO_PROXY);

    private final Address http;
    private final Address https;
    private final List<Rule> noProxy;
    private final boolean proxyLoopback;

    private Proxies(Address http, Address https, List<Rule> noProxy, boolean proxyLoopback) {
        this.http = http;
        this.https = https;
        this.noProxy = noProxy;
        this.proxyLoopback = proxyLoopback;
    }

    /** @throws Failure USAGE when a proxy variable is not an {@code http://} URL */
    public static Proxies fromEnvironment(Map<String, String> env) {
        boolean cgi = env.containsKey("REQUEST_METHOD");
        String httpVar = cgi ? first(env, "http_proxy") : first(env, "HTTP_PROXY", "http_proxy");
        Address http = httpVar == null ? null : Address.parse(httpVar, env.get(httpVar));
        String httpsVar = first(env, "HTTPS_PROXY", "https_proxy");
        Address https = httpsVar == null ? null : Address.parse(httpsVar, env.get(httpsVar));
        if (http == null && https == null) {
            return NONE;
        }
        String noProxyVar = first(env, "NO_PROXY", "no_proxy");
        List<Rule> rules = new ArrayList<>();
        if (noProxyVar != null) {
            for (String entry : env.get(noProxyVar).split("[,\\s]+")) {
                if (!entry.isBlank()) {
                    rules.add(Rule.parse(entry.strip().toLowerCase(Locale.ROOT)));
                }
            }
        }
        String loopback = env.getOrDefault(PROXY_LOOPBACK, "");
        return new Proxies(http, https, List.copyOf(rules), loopback.equals("1") || loopback.equalsIgnoreCase("true"));
    }

    private static String first(Map<String, String> env, String... names) {
        for (String name : names) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return name;
            }
        }
        return null;
    }

    @Override
    public List<Proxy> select(URI uri) {
        Address proxy = proxyFor(uri);
        return proxy == null ? DIRECT
                : List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host, proxy.port)));
    }

    /** The proxy for this URL as {@code host:port}, or {@code null} for a direct connection. */
    public String describe(URI uri) {
        Address proxy = proxyFor(uri);
        return proxy == null ? null : proxy.host + ":" + proxy.port;
    }

    private Address proxyFor(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Address proxy = scheme.equals("https") ? https : scheme.equals("http") ? http : null;
        String host = uri.getHost();
        if (proxy == null || host == null || !proxyLoopback && Origins.isLoopback(host)) {
            return null;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        for (Rule rule : noProxy) {
            if (rule.matches(h, port)) {
                return null;
            }
        }
        return proxy;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // one proxy per scheme: nothing to fall back to
    }

    /** The proxy passwords and the user-info parts of the proxy URLs: for the redactor. */
    public List<String> secrets() {
        List<String> out = new ArrayList<>();
        for (Address a : new Address[] {http, https}) {
            if (a != null && a.info != null) {
                out.add(a.password);
                out.add(a.info);
            }
        }
        return out;
    }

    /** Answers a proxy's 407 with the user and password of its URL; {@code null} when no proxy URL has them. */
    public java.net.Authenticator authenticator() {
        if ((http == null || http.user == null) && (https == null || https.user == null)) {
            return null;
        }
        // The JDK refuses Basic for CONNECT tunnels unless told otherwise; a proxy URL with credentials says so.
        if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
            System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
        }
        return new java.net.Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() != RequestorType.PROXY) {
                    return null;
                }
                for (Address a : new Address[] {https, http}) {
                    if (a != null && a.user != null && a.host.equalsIgnoreCase(getRequestingHost())
                            && a.port == getRequestingPort()) {
                        return new PasswordAuthentication(a.user, a.password.toCharArray());
                    }
                }
                return null;
            }
        };
    }

    /** A proxy: host, port, and the credentials its URL carries. Not a record: it holds a password. */
    private static final class Address {
        final String host;
        final int port;
        final String user;
        final String password;
        final String info;

        private Address(String host, int port, String user, String password, String info) {
            this.host = host;
            this.port = port;
            this.user = user;
            this.password = password;
            this.info = info;
        }

        static Address parse(String variable, String value) {
            String v = value.strip();
            URI uri;
            try {
                uri = new URI(v.contains("://") ? v : "http://" + v);
            } catch (URISyntaxException e) {
                uri = null;
            }
            String user = null;
            String password = null;
            String info = null;
            if (uri != null && uri.getRawUserInfo() != null) {
                info = uri.getRawUserInfo();
                int colon = info.indexOf(':');
                user = PercentEncoding.decode(colon < 0 ? info : info.substring(0, colon));
                password = colon < 0 ? "" : PercentEncoding.decode(info.substring(colon + 1));
            }
            if (uri == null || uri.getHost() == null) {
                throw Failure.of(Kind.USAGE, Code.BAD_PROXY, "the environment variable " + variable + " is not a proxy URL")
                        .hint("write it as http://host:port (or http://user:password@host:port)").build();
            }
            if (!uri.getScheme().equalsIgnoreCase("http")) {
                throw Failure.of(Kind.USAGE, Code.BAD_PROXY, "the environment variable " + variable + " names a "
                                + uri.getScheme() + ":// proxy; only http:// proxies are supported")
                        .hint("https URLs still go through an http:// proxy inside a CONNECT tunnel").build();
            }
            return new Address(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), user, password, info);
        }
    }

    /** One {@code NO_PROXY} entry. */
    private record Rule(String host, byte[] network, int prefix, int port) {

        static Rule parse(String entry) {
            if (entry.equals("*")) {
                return new Rule("*", null, 0, -1);
            }
            String e = entry;
            int port = -1;
            if (e.startsWith("[")) {
                int close = e.indexOf(']');
                if (close > 0 && e.startsWith(":", close + 1)) {
                    port = parsePort(e.substring(close + 2));
                }
                e = close > 0 ? e.substring(1, close) : e;
            } else if (e.indexOf(':') >= 0 && e.indexOf(':') == e.lastIndexOf(':')) {
                port = parsePort(e.substring(e.indexOf(':') + 1));
                e = e.substring(0, e.indexOf(':'));
            }
            int slash = e.indexOf('/');
            if (slash > 0) {
                byte[] network = literal(e.substring(0, slash));
                int prefix = parsePort(e.substring(slash + 1));
                if (network != null && prefix >= 0 && prefix <= network.length * 8) {
                    return new Rule(null, network, prefix, port);
                }
            }
            byte[] address = literal(e);
            if (address != null) {
                return new Rule(null, address, address.length * 8, port);
            }
            String name = e.startsWith("*.") ? e.substring(2) : e.startsWith(".") ? e.substring(1) : e;
            return new Rule(name, null, 0, port);
        }

        boolean matches(String host, int hostPort) {
            if (port >= 0 && port != hostPort) {
                return false;
            }
            if (host != null && this.host != null) {
                return this.host.equals("*") || host.equals(this.host) || host.endsWith("." + this.host);
            }
            byte[] address = literal(host);
            if (address == null || address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static int parsePort(String s) {
            return s.matches("\\d{1,5}") ? Integer.parseInt(s) : -1;
        }

        /** The bytes of an IP literal, without any DNS lookup; {@code null} for a host name. */
        private static byte[] literal(String host) {
            if (IPV4.matcher(host).matches()) {
                for (String octet : host.split("\\.")) {
                    if (Integer.parseInt(octet) > 255) {
                        return null;
                    }
                }
            } else if (host.indexOf(':') < 0) {
                return null;
            }
            try {
                return InetAddress.getByName(host).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
