package io.portevoix.tenancy;

/** A new API key with its secret, shown once to whoever created it. */
public record CreatedApiKey(ApiKeyId id, String name, String secret) {
}
