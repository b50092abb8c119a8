package dev.connectorruntime.http;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.Supplier;

/** WireMock in-process on 127.0.0.1, and the small things retry and fault tests need around it. */
public final class TestServers {

    private TestServers() {
    }

    /** A WireMock server on a free port of 127.0.0.1, reset before each test. */
    public static WireMockExtension loopback() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    /** {@code http://127.0.0.1:PORT}: never {@code localhost}, which may resolve to ::1 first. */
    public static String origin(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers the requests {@code request} matches with these responses in turn (a WireMock scenario); after the
     * last one the stub stops matching and WireMock answers 404.
     */
    public static void answerInTurn(WireMockExtension server, Supplier<MappingBuilder> request,
                                    ResponseDefinitionBuilder... responses) {
        String scenario = "in turn " + System.identityHashCode(request);
        for (int i = 0; i < responses.length; i++) {
            server.stubFor(request.get().inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
                    .willReturn(responses[i])
                    .willSetStateTo("answer " + (i + 1)));
        }
    }
}
