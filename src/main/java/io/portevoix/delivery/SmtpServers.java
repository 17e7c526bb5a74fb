package io.portevoix.delivery;

import java.util.List;
import java.util.UUID;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * The installation's SMTP servers (platform administration). E-mail is spread over the enabled
 * ones by weight, with failover; with none, the built-in server ({@code PORTEVOIX_SMTP_*} or the
 * demo sandbox) is used. Every change is audited in the account the administrator works in.
 */
@PrimaryPort
public interface SmtpServers {

    int MIN_WEIGHT = 1;
    int MAX_WEIGHT = 100;

    /** Every configured server, by name (platform administrators). */
    List<SmtpServer> all();

    /**
     * Adds a server; {@link io.portevoix.shared.InvalidInputException} on invalid fields (name
     * taken or blank, host, port 1–65535, weight {@value #MIN_WEIGHT}–{@value #MAX_WEIGHT}, max per
     * second positive, a password while no {@code PORTEVOIX_SECRET} is configured).
     */
    SmtpServer create(SaveSmtpServer server);

    SmtpServer update(UUID id, SaveSmtpServer server);

    SmtpServer enable(UUID id, boolean enabled);

    void delete(UUID id);

    /** Connects (and logs in) to the server and disconnects; empty when it worked, else what went wrong. */
    java.util.Optional<String> test(UUID id);
}
