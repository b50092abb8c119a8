/**
 * Finding definition files and reading them into a location-aware tree ({@link
 * dev.connectorruntime.load.YNode}): the first step of {@code load → validate → bind → model}.
 *
 * <p>Problems, all of kind {@code INVALID}, with their stable codes:
 * <ul>
 *   <li>{@code yaml-unreadable}, {@code yaml-too-large} (over 4 MiB, checked before reading),
 *       {@code yaml-encoding} (strict UTF-8, at the first bad byte): the file as a whole;</li>
 *   <li>{@code yaml-syntax} and {@code yaml-unquoted-template} when parsing stops: exactly one problem;</li>
 *   <li>otherwise every one of {@code yaml-duplicate-key}, {@code yaml-anchor}, {@code yaml-alias},
 *       {@code yaml-tag}, {@code yaml-key-not-scalar}, {@code yaml-unquoted-template},
 *       {@code yaml-too-deep} (once per file), {@code yaml-multiple-documents} and {@code yaml-empty},
 *       sorted by {@link dev.connectorruntime.error.Problem#ORDER}.</li>
 * </ul>
 *
 * <p>Choices made where SPEC §1 is silent: a file holding only {@code ---} counts as empty; keys are
 * compared by text, so {@code name} and {@code "name"} are duplicates; columns count code points, as
 * SnakeYAML does; only {@code *.yaml} files are listed ({@code .yml} is ignored).
 */
package dev.connectorruntime.load;
