package io.portevoix.tracking.application.port;

/** The key material links are signed with, kept across restarts when no secret is configured. */
public interface Secrets {

    /** The stored installation secret, created (random) on first use. */
    String installationSecret();
}
