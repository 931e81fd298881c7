package de.integrationsmonitor.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A vcrpy cassette of the GENESIS web service, as pystatis recorded them (../shared/genesis/recorded/pystatis) and
 * as the project writes its own (src/test/resources/genesis/recorded): request method, URI and form body; response
 * status, headers and body (JSON text, or a ZIP as !!binary).
 */
record Cassette(String name, List<Interaction> interactions) {

    /**
     * One recorded exchange.
     *
     * @param method the web service method: the last two segments of the URI path, e.g. {@code data/tablefile}
     */
    record Interaction(String method, Map<String, String> form, int status, Map<String, String> headers, byte[] body) {}

    /** Our own cassettes, on the test class path under {@code genesis/recorded/}. */
    static Cassette own(String name) {
        try (InputStream in = Cassette.class.getResourceAsStream("/genesis/recorded/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no cassette genesis/recorded/" + name);
            }
            return parse(name, in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Cassette load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Cassette parse(String name, InputStream in) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        Map<?, ?> root = new Yaml(new SafeConstructor(options)).load(in);
        List<Interaction> interactions = new ArrayList<>();
        for (Object item : (List<?>) root.get("interactions")) {
            Map<?, ?> request = (Map<?, ?>) ((Map<?, ?>) item).get("request");
            Map<?, ?> response = (Map<?, ?>) ((Map<?, ?>) item).get("response");
            String path = URI.create(String.valueOf(request.get("uri"))).getPath();
            String[] segments = path.split("/");
            String method = segments[segments.length - 2] + "/" + segments[segments.length - 1];
            Map<String, String> headers = new LinkedHashMap<>();
            ((Map<?, ?>) response.get("headers"))
                    .forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(((List<?>) v).get(0))));
            Object body = ((Map<?, ?>) response.get("body")).get("string");
            byte[] bytes = body instanceof byte[] b ? b : String.valueOf(body).getBytes(StandardCharsets.UTF_8);
            int status = ((Number) ((Map<?, ?>) response.get("status")).get("code")).intValue();
            interactions.add(
                    new Interaction(method, form(String.valueOf(request.get("body"))), status, headers, bytes));
        }
        return new Cassette(name, List.copyOf(interactions));
    }

    /** The fields of an {@code application/x-www-form-urlencoded} body. */
    static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty() || body.equals("null")) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            fields.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }
}
