package dev.connectorruntime.importer;

import dev.connectorruntime.http.PercentEncoding;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A curl command line's words read as curl reads them ({@link CurlRequest}); what cannot be carried goes to the
 * report. Options are read in curl's ways: {@code -XPOST} and {@code -X POST}, {@code -sSL}, {@code --data=x}.
 */
final class CurlParser {

    private final Report report;
    private String method;
    private boolean get;
    private boolean head;
    private final List<String> urls = new ArrayList<>();
    private final List<String> urlQuery = new ArrayList<>();
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private final List<String> data = new ArrayList<>();
    private boolean json;
    private String user;
    private String userAgent;
    private String referer;

    private CurlParser(Report report) {
        this.report = report;
    }

    /** @throws IllegalArgumentException when the line is not a curl command, with the reason */
    static CurlRequest parse(List<String> words, Report report) {
        if (words.isEmpty() || !words.get(0).equals("curl") && !words.get(0).endsWith("/curl")) {
            throw new IllegalArgumentException(words.isEmpty() ? "there is no command" : "the command is `"
                    + words.get(0) + "`, not curl");
        }
        return new CurlParser(report).read(words.subList(1, words.size()));
    }

    private CurlRequest read(List<String> args) {
        boolean options = true;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (options && a.equals("--")) {
                options = false;
            } else if (options && a.startsWith("--")) {
                int eq = a.indexOf('=');
                String name = eq > 0 ? a.substring(0, eq) : a;
                if (CurlOptions.LONG_WITH_VALUE.contains(name) || CurlOptions.SHORT_WITH_VALUE.containsValue(name)) {
                    String value = eq > 0 ? a.substring(eq + 1) : i + 1 < args.size() ? args.get(++i) : "";
                    option(name, value);
                } else {
                    option(a, null);
                }
            } else if (options && a.startsWith("-") && a.length() > 1) {
                for (int c = 1; c < a.length(); c++) {
                    char ch = a.charAt(c);
                    String name = CurlOptions.SHORT_WITH_VALUE.get(ch);
                    if (name != null) {
                        String value = c + 1 < a.length() ? a.substring(c + 1) : i + 1 < args.size() ? args.get(++i) : "";
                        option(name, value);
                        break;
                    }
                    name = CurlOptions.SHORT_FLAGS.get(ch);
                    option(name != null ? name : "-" + ch, null);
                }
            } else {
                urls.add(a);
            }
        }
        return request();
    }

    private void option(String name, String value) {
        switch (name) {
            case "--request" -> method = value;
            case "--header" -> header(value);
            case "--data", "--data-ascii", "--data-binary" -> data.add(file(name, value, value));
            case "--data-raw" -> data.add(value);
            case "--data-urlencode" -> data.add(urlencoded(value));
            case "--json" -> {
                data.add(file(name, value, value));
                json = true;
            }
            case "--form", "--form-string" -> report.dropped("option " + name + " " + value,
                    "multipart form data and file uploads are not supported");
            case "--get" -> get = true;
            case "--head" -> head = true;
            case "--user" -> user = value;
            case "--oauth2-bearer" -> headers.add(new SimpleEntry<>("Authorization", "Bearer " + value));
            case "--cookie" -> report.dropped("option --cookie", "cookies are not sent by the runtime; a session"
                    + " cookie is a credential it cannot mask");
            case "--url" -> urls.add(value);
            case "--url-query" -> urlQuery.add(value);
            case "--user-agent" -> userAgent = value;
            case "--referer" -> referer = value;
            case "--location" -> report.approximated("option --location", "the runtime follows up to 5 same-origin"
                    + " redirects for GET and HEAD, never another origin's");
            default -> {
                String local = name.startsWith("--no-") ? "--" + name.substring(5) : name;
                if (CurlOptions.LOCAL.contains(local)) {
                    report.ignored("option " + name, "it does not shape the request");
                } else {
                    report.dropped("option " + name, CurlOptions.whyDropped(local));
                }
            }
        }
    }

    private void header(String h) {
        int colon = h.indexOf(':');
        int semi = h.indexOf(';');
        if (colon > 0) {
            String name = h.substring(0, colon).strip();
            String value = h.substring(colon + 1).strip();
            if (value.isEmpty()) { // curl: "Name:" removes the header
                headers.removeIf(e -> e.getKey().equalsIgnoreCase(name));
            } else {
                headers.add(new SimpleEntry<>(name, value));
            }
        } else if (semi > 0 && h.substring(semi + 1).isBlank()) {
            headers.add(new SimpleEntry<>(h.substring(0, semi).strip(), "")); // curl: "Name;" sends it empty
        } else {
            report.dropped("header " + h, "not a `Name: value` header");
        }
    }

    private String file(String option, String value, String asIs) {
        if (value.startsWith("@")) {
            report.dropped("option " + option + " " + value, "a body read from a file: write it into the action");
            return "";
        }
        return asIs;
    }

    /** curl's --data-urlencode forms (a space as {@code +}, as curlconverter reads curl): {@code content}, {@code =content}, {@code name=content}, {@code [name]@file}. */
    private String urlencoded(String v) {
        int eq = v.indexOf('=');
        int at = v.indexOf('@');
        if (at >= 0 && (eq < 0 || at < eq)) {
            report.dropped("option --data-urlencode " + v, "a body read from a file: write it into the action");
            return "";
        }
        if (eq < 0) {
            return PercentEncoding.encodeForm(v);
        }
        return v.substring(0, eq) + (eq == 0 ? "" : "=") + PercentEncoding.encodeForm(v.substring(eq + 1));
    }

    private CurlRequest request() {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("the curl command names no URL");
        }
        for (String extra : urls.subList(1, urls.size())) {
            report.dropped("URL " + extra, "one action per curl command: import it on its own line");
        }
        String url = urls.get(0);
        if (!url.contains("://")) {
            url = "http://" + url; // curl's default scheme
        }
        String body = data.isEmpty() ? null : String.join("&", data);
        List<String> query = new ArrayList<>(urlQuery);
        if (get && body != null) {
            query.add(body);
            body = null;
        }
        if (!query.isEmpty()) {
            int hash = url.indexOf('#');
            String fragmentless = hash >= 0 ? url.substring(0, hash) : url;
            url = fragmentless + (fragmentless.contains("?") ? "&" : "?") + String.join("&", query);
        }
        if (userAgent != null) {
            defaultHeader("User-Agent", userAgent);
        }
        if (referer != null) {
            defaultHeader("Referer", referer);
        }
        if (body != null && json) {
            defaultHeader("Content-Type", "application/json");
            defaultHeader("Accept", "application/json");
        } else if (body != null) {
            defaultHeader("Content-Type", "application/x-www-form-urlencoded");
        }
        String m = method != null ? method : head ? "HEAD" : body != null ? "POST" : "GET";
        return new CurlRequest(m.toUpperCase(Locale.ROOT), url, headers, body, user);
    }

    private void defaultHeader(String name, String value) {
        if (headers.stream().noneMatch(e -> e.getKey().equalsIgnoreCase(name))) {
            headers.add(new SimpleEntry<>(name, value));
        }
    }
}
