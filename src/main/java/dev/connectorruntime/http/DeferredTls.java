package dev.connectorruntime.http;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * TLS set up on the first https connection, not when the HTTP client is built. {@code HttpClient.build()} asks for
 * the default {@link SSLContext} and its default parameters at once, which reads the JDK's trusted roots and
 * prepares every cipher suite and signature scheme: about 0.1 s of start-up on this machine, paid even by a run
 * that only speaks plain http. The client is given a context that builds the real one when it first makes an
 * engine, and parameters that leave cipher suites, protocols and the rest unset, which an {@link SSLEngine} reads
 * as "keep the context's defaults" (the client still sets host-name verification, SNI and ALPN on each
 * connection), so TLS behaves exactly as with the defaults.
 */
final class DeferredTls {

    private DeferredTls() {
    }

    /** A context that is {@code real.get()} once the first engine is needed. */
    static SSLContext context(Supplier<SSLContext> real) {
        return new Context(new Spi(real));
    }

    /** Parameters that keep every default of the context's engines. */
    static SSLParameters parameters() {
        return new SSLParameters();
    }

    /** The JDK's default context, or an error that says why it cannot be had. */
    static SSLContext jdkDefault() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context in this JDK: " + e.getMessage(), e);
        }
    }

    private static final class Context extends SSLContext {
        Context(Spi spi) {
            super(spi, null, "TLS");
        }
    }

    private static final class Spi extends SSLContextSpi {
        private final Supplier<SSLContext> source;
        private volatile SSLContext real;

        Spi(Supplier<SSLContext> source) {
            this.source = source;
        }

        private SSLContext real() {
            SSLContext r = real;
            if (r == null) {
                synchronized (this) {
                    r = real;
                    if (r == null) {
                        r = source.get();
                        real = r;
                    }
                }
            }
            return r;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("this context is set up on first use and cannot be initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return real().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return real().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real().getSupportedSSLParameters();
        }
    }
}
