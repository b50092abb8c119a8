package dev.connectorruntime.http;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.http.HttpClient;

/**
 * Stops an HttpClient's selector thread so the JVM can exit at once. JDK 21 added {@code HttpClient.close()}; on
 * JDK 17 the selector thread outlives the client and held every run's exit back by about 0.3 s (measured), so we
 * call the internal {@code SelectorManager.shutdown()}. The jar's manifest opens
 * {@code java.net.http/jdk.internal.net.http} for that ({@code Add-Opens}); where it is not open (tests, other
 * launchers) this quietly does nothing and the JVM exits a little later, as before.
 */
final class ClientShutdown {

    private ClientShutdown() {
    }

    static void shutdown(HttpClient client) {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // best effort: the process is ending anyway
            }
            return;
        }
        try {
            Object impl = field(client, "impl");
            Object selector = field(impl, "selmgr");
            Method shutdown = selector.getClass().getDeclaredMethod("shutdown");
            shutdown.setAccessible(true);
            shutdown.invoke(selector);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not open to us, or the JDK's internals changed: fall back to waiting at exit
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }
}
