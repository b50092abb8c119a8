/**
 * Secrets (SPEC §3, §8): the {@link dev.connectorruntime.secret.Secret} type that never prints its
 * value, the {@code <<name>>} placeholder grammar ({@link dev.connectorruntime.secret.Placeholders}),
 * the {@code .env} parser ({@link dev.connectorruntime.secret.SecretsFile}), the resolver that fills
 * placeholders from the environment and that file ({@link dev.connectorruntime.secret.SecretResolver}),
 * and the {@link dev.connectorruntime.secret.Redactor} every output passes through.
 *
 * <p>Used by every other package; depends only on {@code error}. No message, {@code toString()} or
 * exception of this package carries a secret value.
 */
package dev.connectorruntime.secret;
