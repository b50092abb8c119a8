package dev.connectorruntime.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Tells a server that its definitions changed on disk (SPEC §11: they are reloaded as §10 says): the workspace's
 * {@code actions/} and {@code connectors/} folders and the workspace itself ({@code .env}), watched on one daemon
 * thread. Editors write a file in several steps, so changes are gathered until the folders have been quiet for
 * {@link #QUIET}, then {@code changed} runs once.
 */
final class Watcher implements AutoCloseable {

    static final Duration QUIET = Duration.ofMillis(300);

    private final WatchService service;

    private Watcher(WatchService service) {
        this.service = service;
    }

    /** Starts watching; returns {@code null} (and tells {@code warn}) when the platform cannot watch. */
    static Watcher start(Path workspace, Runnable changed, Consumer<String> warn) {
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            for (Path dir : List.of(workspace, workspace.resolve("actions"), workspace.resolve("connectors"))) {
                if (Files.isDirectory(dir)) {
                    dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
            Watcher w = new Watcher(service);
            Thread t = new Thread(() -> w.loop(changed, warn), "serve-watch");
            t.setDaemon(true);
            t.start();
            return w;
        } catch (IOException | UnsupportedOperationException e) {
            warn.accept("warning: definitions are not watched for changes: " + e.getMessage());
            return null;
        }
    }

    private void loop(Runnable changed, Consumer<String> warn) {
        try {
            while (true) {
                WatchKey key = service.take();
                settle(key);
                // quiet period: gather what follows the first event
                WatchKey more;
                while ((more = service.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    settle(more);
                }
                try {
                    changed.run();
                } catch (RuntimeException e) {
                    warn.accept("warning: reloading the definitions failed: " + e.getMessage());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private static void settle(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
