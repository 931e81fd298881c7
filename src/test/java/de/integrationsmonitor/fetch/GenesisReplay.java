package de.integrationsmonitor.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.net.ServerSocketFactory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * A real HTTP server on loopback that answers as the GENESIS web service did in the cassettes: a request is
 * matched to the first interaction not yet replayed with the same method (e.g. {@code data/tablefile}) and the same
 * identifying form fields ({@code name}, {@code selection}, {@code language}, {@code job}, {@code date}, where both
 * carry them). Scripted answers can stand before the cassettes (failure paths). Every request is kept, headers and
 * body, for the tests to inspect.
 */
final class GenesisReplay implements AutoCloseable {

    private static final List<String> IDENTIFYING = List.of("name", "selection", "language", "job", "date");

    /** A request as the server saw it. */
    record Seen(String path, Map<String, String> headers, String body) {

        Map<String, String> form() {
            return Cassette.form(body);
        }

        String method() {
            String[] segments = path.split("\\?")[0].split("/");
            return segments[segments.length - 2] + "/" + segments[segments.length - 1];
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Cassette.Interaction> interactions = new ArrayList<>();
    private final Set<Integer> replayed = new HashSet<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<Function<Seen, MockResponse>> scripted = Collections.synchronizedList(new ArrayList<>());

    GenesisReplay(Cassette... cassettes) {
        for (Cassette cassette : cassettes) {
            interactions.addAll(cassette.interactions());
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : request.getHeaders().names()) {
                    headers.put(name.toLowerCase(), request.getHeader(name));
                }
                Seen s = new Seen(request.getPath(), headers, request.getBody().readUtf8());
                seen.add(s);
                synchronized (scripted) {
                    if (!scripted.isEmpty()) {
                        return scripted.remove(0).apply(s);
                    }
                }
                return replay(s);
            }
        });
        server.setServerSocketFactory(new NoDelayServerSockets());
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the replay server on loopback", e);
        }
    }

    /** The base URL to give as IMON_GENESIS_URL: the server on loopback, with the Regionaldatenbank's path. */
    String baseUrl() {
        return baseUrl("/genesisws/rest/2020/");
    }

    /** The server on loopback with another path, e.g. GENESIS-Online's {@code /genesisWS/rest/2020/}. */
    String baseUrl(String path) {
        return server.url(path).toString();
    }

    /** Answers the next requests with these, in order, before the cassettes are consulted. */
    GenesisReplay then(MockResponse... responses) {
        for (MockResponse response : responses) {
            scripted.add(s -> response);
        }
        return this;
    }

    GenesisReplay then(Function<Seen, MockResponse> answer) {
        scripted.add(answer);
        return this;
    }

    List<Seen> requests() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    List<Seen> requests(String method) {
        return requests().stream().filter(s -> s.method().equals(method)).toList();
    }

    private synchronized MockResponse replay(Seen request) {
        Map<String, String> form = request.form();
        for (int i = 0; i < interactions.size(); i++) {
            Cassette.Interaction candidate = interactions.get(i);
            if (!replayed.contains(i)
                    && candidate.method().equals(request.method())
                    && matches(candidate.form(), form)) {
                replayed.add(i);
                return response(candidate);
            }
        }
        return new MockResponse()
                .setResponseCode(404)
                .setHeader("Content-Type", "text/plain")
                .setBody("no recorded interaction left for " + request.method() + " " + form);
    }

    private static boolean matches(Map<String, String> recorded, Map<String, String> asked) {
        for (String field : IDENTIFYING) {
            if (recorded.containsKey(field)
                    && asked.containsKey(field)
                    && !recorded.get(field).equals(asked.get(field))) {
                return false;
            }
        }
        return true;
    }

    static MockResponse response(Cassette.Interaction interaction) {
        MockResponse response = new MockResponse()
                .setResponseCode(interaction.status())
                .setBody(new Buffer().write(interaction.body()));
        interaction.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Disposition")) {
                response.setHeader(name, value);
            }
        });
        return response;
    }

    /** A status object as the offices write it. */
    static MockResponse status(int code, String content) {
        return new MockResponse()
                .setHeader("Content-Type", "application/json;charset=UTF-8")
                .setBody("{\"Ident\":{\"Service\":\"data\",\"Method\":\"tablefile\"},\"Status\":{\"Code\":" + code
                        + ",\"Content\":\"" + content + "\",\"Type\":\"Information\"},\"Parameter\":{\"username\":"
                        + "\"********************\",\"password\":\"********************\"}}");
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }

    /**
     * Server sockets whose connections send at once (TCP_NODELAY): otherwise each answer written in two parts waits
     * for the client's delayed acknowledgement (about 40 ms), and the 406 polls of the real job recording would
     * take half a minute.
     */
    private static final class NoDelayServerSockets extends ServerSocketFactory {

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds the socket itself");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds the socket itself");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds the socket itself");
        }
    }
}
