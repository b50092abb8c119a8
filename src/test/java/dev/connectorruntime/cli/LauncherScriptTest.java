package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/runtime}: arguments and exit codes pass through; archives only in a private cache folder. */
class LauncherScriptTest {

    @TempDir
    Path dir;

    Path jar;
    Path cache;

    record Ran(int code, String out, String err) {
    }

    @BeforeEach
    void probeJar() throws IOException {
        jar = dir.resolve("probe.jar");
        cache = dir.resolve("cache");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    private Ran launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("bin/runtime").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("CONNECTOR_RUNTIME_JAR", jar.toString());
        pb.environment().put("CONNECTOR_RUNTIME_CACHE_DIR", cache.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("CONNECTOR_RUNTIME_NO_CDS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ran(p.exitValue(), out, err);
    }

    private List<Path> archives() throws IOException {
        if (!Files.isDirectory(cache.resolve("cds"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache.resolve("cds"))) {
            return files.filter(f -> f.toString().endsWith(".jsa")).toList();
        }
    }

    @Test
    void argumentsOutputAndExitCodesPassThroughWithoutTheArchiveWhileTrainingItAndWithIt() throws Exception {
        Ran first = launch(Map.of(), "run", "a b", "exit=3");
        Ran training = launch(Map.of(), "run", "a b", "exit=3");
        Ran archived = launch(Map.of(), "run", "a b", "exit=3");

        assertThat(first).isEqualTo(new Ran(3, "run|a b|exit=3\n", "to stderr\n"));
        assertThat(training).isEqualTo(first);
        assertThat(archived).isEqualTo(first);
        assertThat(archives()).hasSize(1);
    }

    @Test
    void eachCommandsArchiveIsWrittenPrivatelyByItsSecondRun() throws Exception {
        launch(Map.of(), "run", "x");
        launch(Map.of(), "validate");
        assertThat(archives()).isEmpty();

        launch(Map.of(), "run", "y");
        launch(Map.of(), "run", "z");

        List<Path> archives = archives();
        assertThat(archives).singleElement().extracting(a -> a.getFileName().toString())
                .asString().startsWith("runtime-run-");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archives.get(0))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.resolve("cds"))))
                .isEqualTo("rwx------");
        launch(Map.of(), "validate");
        assertThat(archives()).hasSize(2);
        launch(Map.of(), "run", "x", "--sandbox");
        launch(Map.of(), "run", "x", "--sandbox");
        assertThat(archives()).map(a -> a.getFileName().toString())
                .anySatisfy(n -> assertThat(n).startsWith("runtime-run-sandbox-")).hasSize(3);
        // a batch loads the batch's classes: its own archive, so that single runs do not map them
        launch(Map.of(), "run", "x", "--batch", "-");
        launch(Map.of(), "run", "x", "--batch", "-");
        assertThat(archives()).map(a -> a.getFileName().toString())
                .anySatisfy(n -> assertThat(n).startsWith("runtime-run-batch-")).hasSize(4);
    }

    /** A JDK 25 or later installed beside this one, if any: where bin/runtime uses an AOT cache. */
    private static Path newerJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            for (Path home : homes.sorted().toList()) {
                Path release = home.resolve("release");
                if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
                    for (String line : Files.readAllLines(release)) {
                        if (line.matches("JAVA_VERSION=\"(2[5-9]|[3-9][0-9])([.\"].*)?")) {
                            return home;
                        }
                    }
                }
            }
        }
        return null;
    }

    @Test
    void onJdk25TheSecondRunRecordsAnAotCacheSilentlyAndLaterRunsUseIt() throws Exception {
        Path jdk = newerJdk();
        Assumptions.assumeTrue(jdk != null, "no JDK 25 or later in /usr/lib/jvm");
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString());

        Ran first = launch(env, "run", "x", "exit=4");
        Ran recording = launch(env, "run", "x", "exit=4");
        Ran cached = launch(env, "run", "x", "exit=4");

        Ran expected = new Ran(4, "run|x|exit=4\n", "to stderr\n");
        assertThat(List.of(first, recording, cached)).containsOnly(expected);
        try (Stream<Path> files = Files.list(cache.resolve("cds"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertThat(names).filteredOn(n -> n.endsWith(".aot")).singleElement().asString()
                    .startsWith("runtime-run-");
            assertThat(names).noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".aotconf"));
        }
    }

    @Test
    void aCacheFolderOthersCanWriteToGetsNoArchiveButTheRunStillWorks() throws Exception {
        Files.createDirectories(cache.resolve("cds"));
        Files.setPosixFilePermissions(cache.resolve("cds"), PosixFilePermissions.fromString("rwxrwxrwx"));

        Ran r = launch(Map.of(), "run", "x");

        assertThat(r).isEqualTo(new Ran(0, "run|x\n", "to stderr\n"));
        assertThat(archives()).isEmpty();
    }

    @Test
    void archivesCanBeTurnedOff() throws Exception {
        Ran r = launch(Map.of("CONNECTOR_RUNTIME_NO_CDS", "1"), "run", "x");

        assertThat(r).isEqualTo(new Ran(0, "run|x\n", "to stderr\n"));
        assertThat(cache.resolve("cds")).doesNotExist();
    }

    @Test
    void aMissingJarSaysHowToBuildIt() throws Exception {
        Ran r = launch(Map.of("CONNECTOR_RUNTIME_JAR", dir.resolve("none.jar").toString()), "run", "x");

        assertThat(r).isEqualTo(new Ran(2, "", "runtime: " + dir.resolve("none.jar")
                + " not found; build it first: mvn -B -q package -DskipTests\n"));
    }
}
